import { parseCliOptions } from '../../simulator/cli-options';
import { isStirVerstat, parseScenario, ScriptError, STIR_VERSTAT_VALUES } from '../../simulator';
import { call } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

const ALICE = '+15555550101';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());
beforeEach(() =>
  server.use({
    '/voice': () => twiml('<Gather numDigits="1" action="/menu"><Say>Press 1</Say></Gather>'),
    '/menu': () => twiml(`<Dial action="/dial-result"><Number url="/whisper">${ALICE}</Number></Dial>`),
    '/whisper': () => twiml('<Gather numDigits="1" action="/whisper-answer"><Say>Press 1</Say></Gather>'),
    '/whisper-answer': () => twiml('<Say>Connecting</Say>'),
    '/dial-result': () => twiml('<Hangup/>'),
    '/status': () => ({ body: '', contentType: 'text/plain' }),
  }),
);

describe("the caller's identity: StirVerstat and CallerName", () => {
  it('rides on every webhook of the caller’s leg and its status callback, not on the responder’s leg', async () => {
    await call(
      server.url,
      { caller: [{ digits: '1' }], responders: { [ALICE]: { behaviour: 'accept', talkSeconds: 5 } } },
      { stirVerstat: 'TN-Validation-Passed-A', callerName: 'ACME CORP', statusCallback: '/status' },
    );
    const identity = (path: string): Array<[string | undefined, string | undefined]> =>
      server.to(path).map((request) => [request.params.StirVerstat, request.params.CallerName]);
    const caller: [string, string] = ['TN-Validation-Passed-A', 'ACME CORP'];
    expect(identity('/voice')).toEqual([caller]);
    expect(identity('/menu')).toEqual([caller]);
    expect(identity('/dial-result')).toEqual([caller]);
    expect(identity('/status')).toEqual([caller]);
    expect(identity('/whisper')).toEqual([[undefined, undefined]]);
    expect(identity('/whisper-answer')).toEqual([[undefined, undefined]]);
  });

  it('is absent unless given, as for a call without a SHAKEN PASSporT', async () => {
    await call(server.url, { caller: [{ digits: '1' }] });
    for (const request of server.received) {
      expect(request.params).not.toHaveProperty('StirVerstat');
      expect(request.params).not.toHaveProperty('CallerName');
    }
  });

  it('lets a test send a verdict Twilio never would', async () => {
    await call(server.url, {}, { stirVerstat: 'garbage<>' });
    expect(server.to('/voice')[0]?.params.StirVerstat).toBe('garbage<>');
  });
});

describe('StirVerstat values', () => {
  it('are the ones Twilio documents, attestation levels and routes included', () => {
    for (const value of ['TN-Validation-Passed-A', 'TN-Validation-Failed-C', 'TN-Validation-Passed-B-Diverted']) {
      expect(isStirVerstat(value)).toBe(true);
    }
    expect(isStirVerstat('TN-Validation-Failed-A-Passthrough')).toBe(true);
    expect(isStirVerstat('TN-Validation-Failed')).toBe(true);
    expect(isStirVerstat('No-TN-Validation')).toBe(true);
    expect(isStirVerstat('TN-Validation-Passed')).toBe(false);
    expect(isStirVerstat('tn-validation-passed-a')).toBe(false);
    expect(STIR_VERSTAT_VALUES).toHaveLength(20);
  });

  it('are checked in scenario files, with a message naming the field', () => {
    expect(
      parseScenario({ stirVerstat: 'No-TN-Validation', callerName: 'ACME', script: { caller: [] } }),
    ).toMatchObject({
      stirVerstat: 'No-TN-Validation',
      callerName: 'ACME',
    });
    expect(() => parseScenario({ stirVerstat: 'Passed', script: { caller: [] } })).toThrow(ScriptError);
    expect(() => parseScenario({ stirVerstat: 'Passed', script: { caller: [] } })).toThrow(
      /^scenario\.stirVerstat: "Passed" is not a value Twilio sends/,
    );
    expect(() => parseScenario({ callerName: 7, script: { caller: [] } })).toThrow(
      /scenario\.callerName: expected a string/,
    );
  });

  it('come from --stir-verstat and --caller-name, which win over the scenario file', () => {
    const scenario = JSON.stringify({
      stirVerstat: 'TN-Validation-Failed',
      callerName: 'FILE',
      script: { caller: [] },
    });
    expect(parseCliOptions(['--script', 's.json'], () => scenario)).toMatchObject({
      stirVerstat: 'TN-Validation-Failed',
      callerName: 'FILE',
    });
    expect(
      parseCliOptions(
        ['--script', 's.json', '--stir-verstat', 'TN-Validation-Passed-C', '--caller-name', 'FLAG'],
        () => scenario,
      ),
    ).toMatchObject({ stirVerstat: 'TN-Validation-Passed-C', callerName: 'FLAG' });
    expect(() => parseCliOptions(['--stir-verstat', 'yes'], () => '')).toThrow(/^--stir-verstat: "yes" is not one of/);
  });
});
