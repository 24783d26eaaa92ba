import { formatTranscript } from '../../simulator';
import { call, eventsOf } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

const menu = (attributes = ''): string =>
  twiml(
    `<Gather numDigits="1" action="/menu?s=abc" ${attributes}><Say>Press 1 for Platform</Say></Gather><Say>Nothing pressed</Say><Redirect>/after</Redirect>`,
  );

describe('<Gather>', () => {
  it('requests the action with Digits and runs its TwiML instead of the rest', async () => {
    server.use({
      '/voice': () => menu(),
      '/menu': () => twiml('<Say>Connecting you</Say><Hangup/>'),
      '/after': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { caller: [{ digits: '1' }] });
    expect(server.to('/menu')).toHaveLength(1);
    expect(server.to('/menu')[0]?.params.Digits).toBe('1');
    expect(server.to('/menu')[0]?.query.s).toBe('abc');
    expect(server.to('/after')).toHaveLength(0);
    const heard = eventsOf(report, 'hears').map((event) => event.text);
    expect(heard).toEqual(['Press 1 for Platform', 'Connecting you']);
    expect(report.endReason).toBe('hangup-verb');
    expect(report.outcome).toBe('completed');
  });

  it('skips the action on silence and continues with the next verb', async () => {
    server.use({
      '/voice': () => menu(),
      '/menu': () => twiml('<Hangup/>'),
      '/after': () => twiml('<Say>Goodbye</Say>'),
    });
    const report = await call(server.url, { caller: [{ silence: true }] });
    expect(server.to('/menu')).toHaveLength(0);
    expect(server.to('/after')).toHaveLength(1);
    expect(eventsOf(report, 'hears').map((event) => event.text)).toEqual([
      'Press 1 for Platform',
      'Nothing pressed',
      'Goodbye',
    ]);
    expect(report.endReason).toBe('end-of-twiml');
  });

  it('treats an exhausted script as silence', async () => {
    server.use({ '/voice': () => menu(), '/after': () => twiml('<Hangup/>') });
    const report = await call(server.url, { caller: [] });
    expect(server.to('/menu')).toHaveLength(0);
    expect(eventsOf(report, 'input')[0]).toMatchObject({ input: 'silence' });
  });

  it('requests the action with empty Digits on silence when actionOnEmptyResult="true"', async () => {
    server.use({ '/voice': () => menu('actionOnEmptyResult="true"'), '/menu': () => twiml('<Hangup/>') });
    await call(server.url, { caller: [{ silence: true }] });
    expect(server.to('/menu')).toHaveLength(1);
    expect(server.to('/menu')[0]?.params.Digits).toBe('');
    expect(server.to('/after')).toHaveLength(0);
  });

  it('sends SpeechResult and Confidence for speech', async () => {
    server.use({
      '/voice': () => twiml('<Gather input="dtmf speech" action="/menu"><Say>Say a team</Say></Gather>'),
      '/menu': () => twiml('<Hangup/>'),
    });
    await call(server.url, { caller: [{ speech: 'database' }] });
    expect(server.to('/menu')[0]?.params).toMatchObject({ SpeechResult: 'database', Confidence: '0.9' });
    expect(server.to('/menu')[0]?.params.Digits).toBeUndefined();
  });

  it('ignores speech when the Gather only listens for keys', async () => {
    server.use({ '/voice': () => menu(), '/menu': () => twiml('<Hangup/>'), '/after': () => twiml('<Hangup/>') });
    const report = await call(server.url, { caller: [{ speech: 'platform' }] });
    expect(server.to('/menu')).toHaveLength(0);
    expect(server.to('/after')).toHaveLength(1);
    expect(eventsOf(report, 'input')[0]?.note).toMatch(/ignored/);
  });

  it('cuts Digits at finishOnKey and numDigits', async () => {
    server.use({
      '/voice': () => twiml('<Gather action="/a" finishOnKey="#"/>'),
      '/a': () => twiml('<Redirect>/voice2</Redirect>'),
      '/voice2': () => twiml('<Gather action="/b" numDigits="2" finishOnKey=""/>'),
      '/b': () => twiml('<Hangup/>'),
    });
    await call(server.url, { caller: [{ digits: '123#9' }, { digits: '4567' }] });
    expect(server.to('/a')[0]?.params.Digits).toBe('123');
    expect(server.to('/b')[0]?.params.Digits).toBe('45');
  });

  it('posts to the current document when the Gather has no action', async () => {
    let calls = 0;
    server.use({
      '/voice': () => {
        calls += 1;
        return calls === 1 ? twiml('<Gather numDigits="1"/>') : twiml('<Hangup/>');
      },
    });
    await call(server.url, { caller: [{ digits: '7' }] });
    expect(server.to('/voice').map((request) => request.params.Digits)).toEqual([undefined, '7']);
  });

  it('ends the call without the action when the caller hangs up at the prompt', async () => {
    server.use({ '/voice': () => menu(), '/menu': () => twiml('<Hangup/>'), '/after': () => twiml('<Hangup/>') });
    const report = await call(server.url, { caller: [{ hangUp: true }] });
    expect(server.received).toHaveLength(1);
    expect(report.endReason).toBe('caller-hung-up');
    expect(report.outcome).toBe('completed');
    expect(formatTranscript(report)).toContain('caller hangs up during a <Gather>');
  });
});

describe('URL resolution', () => {
  it('resolves relative URLs against the URL of the document that held them', async () => {
    server.use({
      '/voice': () => twiml('<Redirect>/flows/start?x=1</Redirect>'),
      '/flows/start': () => twiml('<Gather numDigits="1" action="menu?s=abc"/>'),
      '/flows/menu': () => twiml('<Redirect method="GET">../final</Redirect>'),
      '/final': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { caller: [{ digits: '2' }] });
    expect(report.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /voice',
      'POST /flows/start?x=1',
      'POST /flows/menu?s=abc',
      expect.stringMatching(/^GET \/final\?/),
    ]);
    // GET puts Twilio's parameters in the query string.
    expect(server.to('/final')[0]?.query.CallSid).toMatch(/^CA/);
  });

  it('follows absolute URLs', async () => {
    server.use({
      '/voice': () => twiml(`<Redirect>${server.url}/elsewhere</Redirect>`),
      '/elsewhere': () => twiml('<Hangup/>'),
    });
    await call(server.url);
    expect(server.to('/elsewhere')).toHaveLength(1);
  });
});

describe('caller hang-up at a hop', () => {
  it('stops executing TwiML once the caller hangs up', async () => {
    server.use({
      '/voice': () => twiml('<Redirect>/two</Redirect>'),
      '/two': () => twiml('<Say>You will not hear this</Say><Redirect>/three</Redirect>'),
      '/three': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { callerHangsUpAtHop: 2 });
    expect(server.to('/three')).toHaveLength(0);
    expect(eventsOf(report, 'hears')).toHaveLength(0);
    expect(report.endReason).toBe('caller-hung-up');
  });
});
