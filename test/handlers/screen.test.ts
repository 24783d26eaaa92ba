import { captureAlerts, mockPlatformLookup, TEAMS, victorOpsEnv } from '../fixtures/victorops';
import { expectWellFormed, garbageCases, invokeRaw, newSid, PhoneCall, tokenOf, useSandbox } from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' };

/** A call whose first responder hears the whisper; `screen` is the whisper's Gather action. */
async function whispering(env: Record<string, string>): Promise<{ call: PhoneCall; screen: string }> {
  const call = new PhoneCall(env);
  const ringing = await call.start();
  const whisper = await call.follow(ringing.attr('Number', 'url'));
  return { call, screen: whisper.attr('Gather', 'action') };
}

describe('screen: the responder answers the whisper', () => {
  it('bridges on 1 and acknowledges the incident with the responder as ack_author', async () => {
    mockPlatformLookup();
    const { call, screen } = await whispering(victorOps);
    const alerts = captureAlerts();
    const answer = await call.follow(screen, { params: { Digits: '1' } });
    expect(answer.verbs).toEqual(['Say']);
    expect(answer.said).toBe('Connecting you now.');
    expect(alerts.scope.isDone()).toBe(true);
    expect(alerts.routingKeys).toEqual([TEAMS.platform.slug]);
    expect(alerts.alerts[0]).toMatchObject({
      message_type: 'ACKNOWLEDGEMENT',
      ack_author: 'alice',
      entity_id: call.callSid,
      caller: call.from,
      team: 'Platform',
    });
  });

  it.each([
    ['2', { Digits: '2' }],
    ['#', { Digits: '#' }],
    ['nothing', {}],
  ])('hangs up the responder leg on %s, and acknowledges nothing', async (_label, params) => {
    const { call, screen } = await whispering({ NUMBER_OF_MENUS: '0' });
    const answer = await call.follow(screen, { params });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe('The call was not accepted. Goodbye.');
    expect(sandbox.unmatched).toEqual([]);
  });

  it('still bridges when the alert endpoint is down', async () => {
    mockPlatformLookup();
    const { call, screen } = await whispering(victorOps);
    const alerts = captureAlerts(10, () => [503, 'Service Unavailable']);
    const answer = await call.follow(screen, { params: { Digits: '1' } });
    expect(answer.verbs).toEqual(['Say']);
    expect(answer.said).toBe('Connecting you now.');
    expect(alerts.alerts.length).toBeGreaterThanOrEqual(1);
  });

  it('hangs up, and acknowledges nothing, when the state belongs to another call', async () => {
    mockPlatformLookup();
    const { call, screen } = await whispering(victorOps);
    const answer = await call.follow(screen, { params: { Digits: '1' }, replace: { ParentCallSid: newSid() } });
    expect(answer.verbs).toEqual(['Hangup']);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('refuses an unsigned 1', async () => {
    const { call, screen } = await whispering({ NUMBER_OF_MENUS: '0' });
    const answer = await call.follow(screen, { params: { Digits: '1' }, signing: 'none' });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).not.toContain('Connecting');
  });
});

describe('screen: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const { call, screen } = await whispering({ NUMBER_OF_MENUS: '0' });
    for (const { label, event } of garbageCases('screen', { token: tokenOf(screen), callSid: call.callSid })) {
      const answer = await invokeRaw('screen', event, { NUMBER_OF_MENUS: '0' });
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
