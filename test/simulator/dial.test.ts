import { call, CALLER, eventsOf } from './helpers/call';
import { startTwimlServer, twiml, type Route, type TwimlTestServer } from './helpers/twiml-test-server';

const ALICE = '+15555550101';
const BOB = '+15555550102';
const CAROL = '+15555550103';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

/** A whisper that asks for 1, bridges on 1 and hangs up otherwise (also on silence). */
const whisperRoutes: Record<string, Route> = {
  '/whisper': () =>
    twiml(
      '<Gather numDigits="1" action="/whisper-answer" timeout="5"><Say>Incident call. Press 1 to accept.</Say></Gather><Say>No answer</Say><Hangup/>',
    ),
  '/whisper-answer': (request) => (request.params.Digits === '1' ? twiml('<Say>Connecting</Say>') : twiml('<Hangup/>')),
};

function dialTo(numbers: string[], attributes = 'action="/dial-result" timeout="20"'): Route {
  const nouns = numbers
    .map((number) => `<Number url="/whisper?n=${encodeURIComponent(number)}">${number}</Number>`)
    .join('');
  return () => twiml(`<Say>Connecting you</Say><Dial ${attributes}>${nouns}</Dial><Say>Dial finished</Say>`);
}

describe('<Dial>', () => {
  it('bridges an accepting responder and reports the Dial to the action URL', async () => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'accept', talkSeconds: 30 } } });

    const whisper = server.to('/whisper')[0]?.params ?? {};
    const parentSid = server.to('/voice')[0]?.params.CallSid;
    expect(whisper).toMatchObject({
      ParentCallSid: parentSid,
      To: ALICE,
      From: CALLER,
      Direction: 'outbound-dial',
      CallStatus: 'in-progress',
    });
    expect(whisper.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(whisper.CallSid).not.toBe(parentSid);
    // The whisper's Gather action runs on the child leg too.
    expect(server.to('/whisper-answer')[0]?.params).toMatchObject({
      CallSid: whisper.CallSid,
      ParentCallSid: parentSid,
      Digits: '1',
    });

    const result = server.to('/dial-result')[0]?.params ?? {};
    expect(result).toMatchObject({
      CallSid: parentSid,
      DialCallStatus: 'completed',
      DialBridged: 'true',
      DialCallSid: whisper.CallSid,
      DialCallDuration: '30',
      CallStatus: 'in-progress',
    });
    expect(report.bridgedTo).toBe(ALICE);
    expect(report.dialled).toEqual([ALICE]);
    expect(
      eventsOf(report, 'hears')
        .filter((event) => event.who === 'responder')
        .map((event) => event.text),
    ).toEqual(['Incident call. Press 1 to accept.', 'Connecting']);
    // The action's TwiML replaced the rest of the document.
    expect(eventsOf(report, 'hears').some((event) => event.text === 'Dial finished')).toBe(false);
  });

  // Twilio's DialCallStatus table (https://www.twilio.com/docs/voice/twiml/dial#dialcallstatus)
  // defines "completed" as answered and connected, and the <Number url> docs
  // (https://www.twilio.com/docs/voice/twiml/number#attributes-url) only say the whisper may
  // decline with <Hangup>; neither says which status a declined leg gives. Kept as "completed"
  // (the leg was answered) with DialBridged telling the two apart.
  it('does not bridge when the whisper hangs up; the Dial reports completed but not bridged', async () => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'decline' } } });
    expect(server.to('/whisper-answer')[0]?.params.Digits).toBe('2');
    expect(server.to('/dial-result')[0]?.params).toMatchObject({ DialCallStatus: 'completed', DialBridged: 'false' });
    expect(report.bridgedTo).toBeNull();
    expect(eventsOf(report, 'not-bridged')[0]).toMatchObject({ number: ALICE, reason: 'the whisper TwiML hung up' });
  });

  it('lets a voicemail pick up without pressing anything, so the whisper times out', async () => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'voicemail' } } });
    expect(server.to('/whisper-answer')).toHaveLength(0);
    expect(eventsOf(report, 'hears').map((event) => event.text)).toContain('No answer');
    expect(server.to('/dial-result')[0]?.params).toMatchObject({ DialCallStatus: 'completed', DialBridged: 'false' });
    // Whisper time (prompt + 5 s timeout + goodbye), not talk time.
    expect(Number(server.to('/dial-result')[0]?.params.DialCallDuration)).toBeGreaterThanOrEqual(5);
  });

  it('bridges a voicemail when the whisper ends without hanging up', async () => {
    server.use({
      '/voice': dialTo([ALICE]),
      '/whisper': () => twiml('<Gather numDigits="1" action="/whisper-answer"><Say>Press 1</Say></Gather>'),
      '/dial-result': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'voicemail', talkSeconds: 20 } } });
    expect(report.bridgedTo).toBe(ALICE);
    expect(server.to('/dial-result')[0]?.params).toMatchObject({ DialBridged: 'true', DialCallDuration: '20' });
  });

  it.each([
    ['no-answer', 'no-answer'],
    ['busy', 'busy'],
    ['failed', 'failed'],
  ] as const)('reports %s without running the whisper', async (behaviour, status) => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    await call(server.url, { responders: { [ALICE]: { behaviour } } });
    expect(server.to('/whisper')).toHaveLength(0);
    expect(server.to('/dial-result')[0]?.params).toMatchObject({
      DialCallStatus: status,
      DialBridged: 'false',
      DialCallDuration: '0',
    });
  });

  it('treats unscripted numbers as no-answer', async () => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    await call(server.url);
    expect(server.to('/dial-result')[0]?.params.DialCallStatus).toBe('no-answer');
  });

  it('rings out when the responder would answer after the Dial timeout', async () => {
    server.use({
      '/voice': dialTo([ALICE], 'action="/dial-result" timeout="10"'),
      ...whisperRoutes,
      '/dial-result': () => twiml('<Hangup/>'),
    });
    await call(server.url, { responders: { [ALICE]: { behaviour: 'voicemail', ringSeconds: 25 } } });
    expect(server.to('/whisper')).toHaveLength(0);
    expect(server.to('/dial-result')[0]?.params.DialCallStatus).toBe('no-answer');
  });

  it('does not bridge a responder who hangs up during the whisper', async () => {
    server.use({ '/voice': dialTo([ALICE]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'hangs-up-during-whisper' } } });
    expect(server.to('/whisper-answer')).toHaveLength(0);
    expect(server.to('/dial-result')[0]?.params.DialBridged).toBe('false');
    expect(eventsOf(report, 'hang-up')[0]).toMatchObject({ who: 'responder', number: ALICE });
  });

  it('rings several Numbers at once and bridges the first one that accepts', async () => {
    server.use({ '/voice': dialTo([ALICE, BOB]), ...whisperRoutes, '/dial-result': () => twiml('<Hangup/>') });
    const report = await call(server.url, {
      responders: { [ALICE]: { behaviour: 'decline' }, [BOB]: { behaviour: 'accept' } },
    });
    expect(report.dialled).toEqual([ALICE, BOB]);
    expect(report.bridgedTo).toBe(BOB);
    const bobSid = server.to('/whisper').find((request) => request.params.To === BOB)?.params.CallSid;
    expect(server.to('/dial-result')[0]?.params).toMatchObject({ DialBridged: 'true', DialCallSid: bobSid });
  });

  it('continues after the Dial when it has no action', async () => {
    server.use({ '/voice': dialTo([ALICE], 'timeout="20"'), ...whisperRoutes });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'busy' } } });
    expect(eventsOf(report, 'hears').map((event) => event.text)).toContain('Dial finished');
    expect(report.endReason).toBe('end-of-twiml');
  });

  // The same table documents "canceled" only for a Dial canceled through the REST API, and
  // nothing for a caller who hangs up while it rings; kept as no-answer. The child legs are
  // canceled: the <Number> docs say the attempts that were not connected "are canceled".
  it('reports a caller who hangs up while it rings: no-answer, CallStatus completed, answer ignored', async () => {
    server.use({
      '/voice': dialTo([ALICE]),
      ...whisperRoutes,
      '/dial-result': () => twiml('<Say>Nobody hears this</Say>'),
    });
    const report = await call(server.url, {
      responders: { [ALICE]: { behaviour: 'accept' } },
      callerHangsUpDuringDial: true,
    });
    expect(server.to('/whisper')).toHaveLength(0);
    expect(server.to('/dial-result')[0]?.params).toMatchObject({
      DialCallStatus: 'no-answer',
      DialBridged: 'false',
      CallStatus: 'completed',
    });
    expect(eventsOf(report, 'hears').map((event) => event.text)).not.toContain('Nobody hears this');
    expect(eventsOf(report, 'dial-attempt').map((event) => event.result)).toEqual(['canceled']);
    expect(report.endReason).toBe('caller-hung-up');
  });

  it('sends the Number status callback for the child leg', async () => {
    server.use({
      '/voice': () =>
        twiml(
          `<Dial action="/dial-result"><Number statusCallback="/status" statusCallbackEvent="answered completed">${ALICE}</Number></Dial>`,
        ),
      '/dial-result': () => twiml('<Hangup/>'),
      '/status': () => ({ body: '', contentType: 'text/plain' }),
    });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'accept' } } });
    expect(server.to('/status').map((request) => request.params.CallStatus)).toEqual(['in-progress', 'completed']);
    expect(server.to('/status')[0]?.params.ParentCallSid).toBe(report.callSid);
    expect(report.outcome).toBe('completed');
  });

  it('reports a caller who hangs up after talking: the action still comes, with CallStatus completed', async () => {
    server.use({
      '/voice': dialTo([ALICE]),
      ...whisperRoutes,
      '/dial-result': () => twiml('<Say>Nobody hears this</Say>'),
    });
    const report = await call(server.url, {
      responders: { [ALICE]: { behaviour: 'accept' } },
      callerHangsUpAfterBridge: true,
    });
    expect(server.to('/dial-result')[0]?.params).toMatchObject({
      DialCallStatus: 'completed',
      DialBridged: 'true',
      CallStatus: 'completed',
    });
    expect(eventsOf(report, 'hears').map((event) => event.text)).not.toContain('Nobody hears this');
    expect(report.endReason).toBe('caller-hung-up');
  });

  it('adds the call recording to the Dial action and caps talk time at timeLimit', async () => {
    server.use({
      '/voice': dialTo(
        [ALICE],
        'action="/dial-result" record="record-from-answer" recordingStatusCallback="/rec-status" timeLimit="60"',
      ),
      ...whisperRoutes,
      '/dial-result': () => twiml('<Hangup/>'),
      '/rec-status': () => ({ body: '', contentType: 'text/plain' }),
    });
    await call(server.url, { responders: { [ALICE]: { behaviour: 'accept', talkSeconds: 300 } } });
    const result = server.to('/dial-result')[0]?.params ?? {};
    expect(result).toMatchObject({ DialCallDuration: '60', RecordingDuration: '60' });
    expect(result.RecordingUrl).toMatch(/\/Recordings\/RE[0-9a-f]{32}$/);
    expect(server.to('/rec-status')[0]?.params).toMatchObject({
      RecordingSid: result.RecordingSid,
      RecordingStatus: 'completed',
    });
  });

  it('measures hops and handler time up to the first Dial', async () => {
    server.use({
      '/voice': () => twiml('<Gather numDigits="1" action="/menu"/>'),
      '/menu': () => ({ body: twiml('<Redirect>/connect</Redirect>'), delayMs: 30 }),
      '/connect': dialTo([ALICE]),
      ...whisperRoutes,
      '/dial-result': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { caller: [{ digits: '1' }] });
    expect(report.timing.hopsToFirstDial).toBe(3);
    const firstThree = report.requests.slice(0, 3).reduce((total, request) => total + request.ms, 0);
    expect(report.timing.msToFirstDial).toBeCloseTo(firstThree, 0);
    expect(report.timing.msToFirstDial).toBeGreaterThanOrEqual(30);
    expect(report.timing.requestMs).toHaveLength(report.requests.length);
    expect(report.requests.map((request) => request.leg)).toEqual(['parent', 'parent', 'parent', 'parent']);
  });
});

describe('<Dial> with several Numbers ringing at once', () => {
  /** Numbers without a whisper, each reporting its final status to /status?n=NUMBER. */
  function ringAll(numbers: string[], timeout = 20): Route {
    const nouns = numbers
      .map(
        (number) =>
          `<Number url="/whisper?n=${encodeURIComponent(number)}" statusCallback="/status">${number}</Number>`,
      )
      .join('');
    return () => twiml(`<Dial action="/dial-result" timeout="${timeout}">${nouns}</Dial>`);
  }
  const routes = (numbers: string[]): Record<string, Route> => ({
    '/voice': ringAll(numbers),
    '/whisper': () => twiml('<Gather numDigits="1" action="/whisper-answer" timeout="5"/><Hangup/>'),
    '/whisper-answer': (request) => (request.params.Digits === '1' ? twiml('') : twiml('<Hangup/>')),
    '/dial-result': () => twiml('<Hangup/>'),
    '/status': () => ({ body: '', contentType: 'text/plain' }),
  });
  const finalStatus = (number: string): string | undefined =>
    server.to('/status').find((request) => request.params.To === number)?.params.CallStatus;

  it('bridges whoever picks up first, not the first Number in the document', async () => {
    server.use(routes([ALICE, BOB]));
    const report = await call(server.url, {
      responders: {
        [ALICE]: { behaviour: 'accept', ringSeconds: 12 },
        [BOB]: { behaviour: 'accept', ringSeconds: 3 },
      },
    });
    expect(report.bridgedTo).toBe(BOB);
    expect(server.to('/whisper').map((request) => request.params.To)).toEqual([BOB]);
    const bobSid = server.to('/whisper')[0]?.params.CallSid;
    expect(server.to('/dial-result')[0]?.params).toMatchObject({ DialBridged: 'true', DialCallSid: bobSid });
  });

  it('reports the Numbers still ringing when another was bridged as canceled', async () => {
    server.use(routes([ALICE, BOB, CAROL]));
    const report = await call(server.url, {
      responders: {
        [ALICE]: { behaviour: 'accept', ringSeconds: 12 },
        [BOB]: { behaviour: 'accept', ringSeconds: 3 },
      },
    });
    expect(eventsOf(report, 'dial-attempt').map((event) => [event.number, event.result])).toEqual([
      [BOB, 'answered'],
      [ALICE, 'canceled'],
      [CAROL, 'canceled'],
    ]);
    expect([finalStatus(ALICE), finalStatus(BOB), finalStatus(CAROL)]).toEqual(['canceled', 'completed', 'canceled']);
  });

  it('moves on to the next pickup when the first one to answer declines', async () => {
    server.use(routes([ALICE, BOB]));
    const report = await call(server.url, {
      responders: {
        [ALICE]: { behaviour: 'accept', ringSeconds: 9 },
        [BOB]: { behaviour: 'decline', ringSeconds: 2 },
      },
    });
    expect(server.to('/whisper').map((request) => request.params.To)).toEqual([BOB, ALICE]);
    expect(report.bridgedTo).toBe(ALICE);
  });

  it('ends the Dial when one is bridged, not when a Number that never answers would ring out', async () => {
    const script = { responders: { [BOB]: { behaviour: 'accept', ringSeconds: 3, talkSeconds: 30 } } } as const;
    server.use(routes([BOB]));
    const alone = await call(server.url, script);
    server.use(routes([ALICE, BOB]));
    const withRingingAlice = await call(server.url, script);
    expect(withRingingAlice.bridgedTo).toBe(BOB);
    expect(finalStatus(ALICE)).toBe('canceled');
    expect(withRingingAlice.timing.simulatedCallSeconds).toBe(alone.timing.simulatedCallSeconds);
    // Ring 3 s, whisper (5 s at most), talk 30 s: well short of Alice's 20 s timeout plus the talk.
    expect(alone.timing.simulatedCallSeconds).toBeLessThan(20 + 30);
  });

  it('lasts until the Dial timeout when nobody is bridged', async () => {
    server.use(routes([ALICE, BOB]));
    const report = await call(server.url, { responders: { [BOB]: { behaviour: 'busy' } } });
    expect(finalStatus(ALICE)).toBe('no-answer');
    expect(finalStatus(BOB)).toBe('busy');
    expect(server.to('/dial-result')[0]?.params.DialCallStatus).toBe('no-answer');
    expect(report.timing.simulatedCallSeconds).toBe(20);
  });
});
