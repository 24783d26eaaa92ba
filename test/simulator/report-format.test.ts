import { formatSummary, formatTranscript, parseScenario } from '../../simulator';
import { call } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

describe('formatTranscript and formatSummary', () => {
  it('describe the call in readable lines', async () => {
    server.use({
      '/voice': () => twiml('<Gather numDigits="1" action="/menu"><Say>Press 2 for Database</Say></Gather>'),
      '/menu': () => twiml('<Dial action="/done" timeout="15"><Number url="/whisper">+15555550108</Number></Dial>'),
      '/whisper': () => twiml('<Gather numDigits="1" action="/accepted"><Say>Press 1</Say></Gather><Hangup/>'),
      '/accepted': () => twiml(''),
      '/done': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, {
      caller: [{ digits: '2' }],
      responders: { '+15555550108': { behaviour: 'accept' } },
    });
    const lines = formatTranscript(report, { showRequests: false }).split('\n');
    expect(lines).toEqual([
      'caller hears: "Press 2 for Database"',
      'caller presses 2',
      'ringing +15555550108 (timeout 15 s)',
      '+15555550108 answers',
      'responder +15555550108 hears: "Press 1"',
      'responder +15555550108 presses 1',
      'bridged to +15555550108 (talk 45 s)',
      'dial result: completed, bridged true, 45 s',
      'call ends: <Hangup/>',
    ]);
    expect(formatTranscript(report)).toMatch(/↳ POST \/menu → 200/);
    const summary = formatSummary(report);
    expect(summary).toContain('outcome: completed (<Hangup/>)');
    expect(summary).toContain('first <Dial>: after 2 request(s)');
    expect(summary).toContain('bridged to: +15555550108');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('parseScenario', () => {
  it('accepts a bare script or a scenario and rejects unknown behaviours', () => {
    expect(parseScenario({ caller: [{ silence: true }] }).script.caller).toEqual([{ silence: true }]);
    const scenario = parseScenario({
      to: '+15555550100',
      script: { caller: [], voicemail: [{ action: 'silence' }, { action: 'hang-up', seconds: 3 }] },
    });
    expect(scenario.to).toBe('+15555550100');
    expect(scenario.script.voicemail).toEqual([{ action: 'silence' }, { action: 'hang-up', seconds: 3 }]);
    expect(() => parseScenario({ caller: [], responders: { '+15555550101': { behaviour: 'ghost' } } })).toThrow(
      /behaviour/,
    );
    expect(() => parseScenario({ caller: [], voicemail: { action: 'leave-message' } })).toThrow(/seconds/);
  });
});
