import nock from 'nock';
import { mockPlatformLookup, victorOpsEnv } from '../fixtures/victorops';
import {
  expectWellFormed,
  flipCharacter,
  garbageCases,
  invokeRaw,
  newSid,
  parseLink,
  PhoneCall,
  ROSTER_PHONES,
  tokenOf,
  useSandbox,
} from './harness';

const sandbox = useSandbox();

/** A call whose first responder's phone is ringing; `whisper` is the <Number url>. */
async function ringing(
  env: Record<string, string> = { NUMBER_OF_MENUS: '0' },
): Promise<{ call: PhoneCall; whisper: string }> {
  const call = new PhoneCall(env);
  const answer = await call.start();
  return { call, whisper: answer.attr('Number', 'url') };
}

describe('whisper: the responder picks up', () => {
  it('tells them who calls for which team and waits for 1, on the responder leg bound by ParentCallSid', async () => {
    const { call, whisper } = await ringing();
    const answer = await call.follow(whisper);
    expect(answer.verbs).toEqual(['Gather', 'Say', 'Hangup']);
    expect(parseLink(answer.attr('Gather', 'action')).name).toBe('screen');
    expect(answer.attr('Gather', 'numDigits')).toBe('1');
    const prompt = answer
      .one('Gather')
      .children.map((c) => c.text)
      .join(' ');
    expect(prompt).toContain(
      'This is a call for the Platform team from 1 5 5 5 5 5 5 0 1 5 0. Press 1 to accept the call.',
    );
    // A voicemail that picked up never presses 1: it hears the goodbye and the leg ends.
    expect(answer.all('Say')[1].text).toBe('The call was not accepted. Goodbye.');
  });

  it('asks the provider nothing', async () => {
    mockPlatformLookup();
    const { call, whisper } = await ringing({ ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' });
    expect(nock.isDone()).toBe(true);
    const answer = await call.follow(whisper);
    expect(answer.has('Gather')).toBe(true);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('hangs up the responder leg when its parent is another call', async () => {
    const { call, whisper } = await ringing();
    const answer = await call.follow(whisper, { replace: { ParentCallSid: newSid() } });
    expect(answer.verbs).toEqual(['Hangup']);
  });

  it('hangs up when the whisper URL is replayed on the caller leg itself (no ParentCallSid)', async () => {
    const { call, whisper } = await ringing();
    const answer = await call.follow(whisper, { replace: { CallSid: call.callSid, ParentCallSid: undefined } });
    expect(answer.verbs).toEqual(['Hangup']);
  });

  it('hangs up when the state is altered or missing', async () => {
    const { call, whisper } = await ringing();
    const token = tokenOf(whisper);
    expect((await call.send('whisper', flipCharacter(token, 10))).verbs).toEqual(['Hangup']);
    expect((await call.send('whisper', undefined)).verbs).toEqual(['Hangup']);
  });

  it('refuses an unsigned request', async () => {
    const { call, whisper } = await ringing();
    const answer = await call.follow(whisper, { signing: 'none' });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.has('Gather')).toBe(false);
  });

  it('never shows a responder number', async () => {
    const { call, whisper } = await ringing();
    const answer = await call.follow(whisper);
    for (const phone of ROSTER_PHONES) expect(answer.xml).not.toContain(phone.slice(2));
  });
});

describe('whisper: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const { call, whisper } = await ringing();
    const cases = garbageCases('whisper', { token: tokenOf(whisper), callSid: call.callSid });
    for (const { label, event } of cases) {
      const answer = await invokeRaw('whisper', event, { NUMBER_OF_MENUS: '0' });
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
