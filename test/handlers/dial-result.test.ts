import {
  ALL_VO_PHONES,
  captureAlerts,
  mockPlatformLookup,
  TEAMS,
  VO_PHONES,
  victorOpsEnv,
} from '../fixtures/victorops';
import {
  expectWellFormed,
  garbageCases,
  invokeRaw,
  parseLink,
  PhoneCall,
  ROSTER,
  ROSTER_PHONES,
  tokenOf,
  useSandbox,
  type Answer,
} from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' };

const unanswered = (status: string): Record<string, string> => ({
  DialCallStatus: status,
  DialBridged: 'false',
  DialCallDuration: '0',
  DialCallSid: 'CA' + 'd'.repeat(32),
});

function expectNoResponderNumberOutsideNumber(answers: Answer[]): void {
  for (const answer of answers) {
    for (const phone of [...ROSTER_PHONES, ...ALL_VO_PHONES])
      expect(answer.xmlOutsideNumbers).not.toContain(phone.slice(2));
  }
}

describe('dial-result: a bridged call ends', () => {
  it('resolves the incident with RECOVERY, the responder as ack_author and the call log', async () => {
    mockPlatformLookup();
    const call = new PhoneCall(victorOps);
    const ringing = await call.start();
    const whisper = await call.follow(ringing.attr('Number', 'url'));
    const ack = captureAlerts();
    await call.follow(whisper.attr('Gather', 'action'), { params: { Digits: '1' } });
    expect(ack.alerts[0].message_type).toBe('ACKNOWLEDGEMENT');

    const recovery = captureAlerts();
    const answer = await call.follow(ringing.attr('Dial', 'action'), {
      params: { DialCallStatus: 'completed', DialBridged: 'true', DialCallDuration: '42', CallStatus: 'in-progress' },
    });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe('The other party has disconnected. Goodbye.');
    expect(recovery.scope.isDone()).toBe(true);
    expect(recovery.routingKeys).toEqual([TEAMS.platform.slug]);
    const alert = recovery.alerts[0];
    expect(alert.message_type).toBe('RECOVERY');
    expect(alert.ack_author).toBe('alice');
    expect(alert.entity_id).toBe(call.callSid);
    expect(alert.entity_id).toBe(ack.alerts[0].entity_id);
    expect(alert.state_message).toContain('1. alice accepted the call, talked 42 s');
    expectNoResponderNumberOutsideNumber(call.answers);
  });
});

describe('dial-result: nobody accepted', () => {
  it('rings the next responder, then takes a voicemail after the last one', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const first = await call.start();
    expect(first.dialled).toEqual([ROSTER.Platform[0].phone]);

    const second = await call.follow(first.attr('Dial', 'action'), { params: unanswered('no-answer') });
    expect(second.verbs).toEqual(['Dial']);
    expect(second.dialled).toEqual([ROSTER.Platform[1].phone]);
    expect(parseLink(second.attr('Dial', 'action')).name).toBe('dial-result');

    // Bob's whisper link is honoured on his leg.
    call.responderSid = 'CA' + 'b'.repeat(32);
    const whisper = await call.follow(second.attr('Number', 'url'));
    expect(whisper.has('Gather')).toBe(true);

    // A personal voicemail picked up: completed, never bridged.
    const last = await call.follow(second.attr('Dial', 'action'), { params: unanswered('completed') });
    expect(last.has('Record')).toBe(true);
    expect(last.has('Dial')).toBe(false);
    expect(last.has('Hangup')).toBe(false);
    expect(last.said).toContain('We could not reach anyone on call for the Platform team.');
    expectNoResponderNumberOutsideNumber(call.answers);
  });

  it.each(['busy', 'failed', 'canceled', 'no-answer', 'completed', 'answered'])(
    'moves on after DialCallStatus=%s without a bridge',
    async (status) => {
      const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
      const first = await call.start();
      const next = await call.follow(first.attr('Dial', 'action'), { params: unanswered(status) });
      expect(next.dialled).toEqual([ROSTER.Platform[1].phone]);
    },
  );

  it('carries every attempt into the voicemail incident', async () => {
    mockPlatformLookup();
    const call = new PhoneCall(victorOps);
    const first = await call.start();
    expect(first.dialled).toEqual([VO_PHONES.alice]);
    const second = await call.follow(first.attr('Dial', 'action'), { params: unanswered('busy') });
    expect(second.dialled).toEqual([VO_PHONES.bob]);
    const voicemail = await call.follow(second.attr('Dial', 'action'), { params: unanswered('completed') });
    const alerts = captureAlerts();
    await call.follow(voicemail.attr('Record', 'action'), {
      params: { RecordingUrl: 'https://api.twilio.com/rec/RE1', RecordingDuration: '12', RecordingSid: 'RE1' },
    });
    expect(alerts.alerts[0].message_type).toBe('CRITICAL');
    expect(alerts.alerts[0].state_message).toContain(
      '1. alice was busy\n2. bob answered but did not press 1 (voicemail or declined)',
    );
    expect(alerts.alerts[0].state_message).toContain('nobody on call accepted the call');
  });

  it('reports a missed call and hangs up when the caller hung up while it rang', async () => {
    mockPlatformLookup();
    const call = new PhoneCall(victorOps);
    const first = await call.start();
    const alerts = captureAlerts();
    const answer = await call.follow(first.attr('Dial', 'action'), {
      params: { ...unanswered('canceled'), CallStatus: 'completed' },
    });
    expect(answer.verbs).toEqual(['Hangup']);
    expect(alerts.alerts[0]).toMatchObject({ message_type: 'CRITICAL', entity_id: call.callSid });
    expect(alerts.alerts[0].state_message).toContain('1. alice was ringing when the caller hung up');
  });
});

describe('dial-result: the call state', () => {
  it('takes a voicemail and dials nobody when the state belongs to another call', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const first = await call.start();
    const other = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const answer = await other.follow(first.attr('Dial', 'action'), { params: unanswered('no-answer') });
    expect(answer.has('Dial')).toBe(false);
    expect(answer.has('Record')).toBe(true);
    expect(answer.said).toContain('Sorry, something went wrong with this call.');
  });

  it('refuses an unsigned dial result', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const first = await call.start();
    const answer = await call.follow(first.attr('Dial', 'action'), {
      params: unanswered('no-answer'),
      signing: 'none',
    });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('dial-result: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const first = await call.start();
    const token = tokenOf(first.attr('Dial', 'action'));
    for (const { label, event } of garbageCases('dial-result', { token, callSid: call.callSid })) {
      const answer = await invokeRaw('dial-result', event, { NUMBER_OF_MENUS: '0' });
      try {
        expectWellFormed(answer);
        expect(answer.xmlOutsideNumbers).not.toContain('5555550101');
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
