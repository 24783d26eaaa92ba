import nock from 'nock';
import { newCallState, type CallState } from '../../functions/lib/core/call-state';
import { sealState, STATE_MAX_AGE_MS } from '../../functions/lib/shell/state-seal';
import { resetWarmState } from '../../functions/lib/warm/state';
import {
  ALL_VO_PHONES,
  apiScope,
  captureAlerts,
  mockPlatformLookup,
  mockSchedules,
  mockTeamList,
  schedulePath,
  TEAMS,
  VO_PHONES,
  victorOpsEnv,
} from '../fixtures/victorops';
import {
  AUTH_TOKEN,
  expectWellFormed,
  flipCharacter,
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
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', TEAM_2: 'Database', NUMBER_OF_MENUS: '1' };

/**
 * A call waiting at the team menu, and the menu's action URL. With Splunk On-Call, the greeting's
 * webhook reads the team list (each team's slug) while the caller still hears ringing, so that
 * nothing but the on-call chain is asked after their key.
 */
async function atTeamMenu(
  env: Record<string, string>,
): Promise<{ call: PhoneCall; menu: string; teamList?: nock.Scope }> {
  const call = new PhoneCall(env);
  const teamList = env.VICTOROPS_API_ID ? mockTeamList() : undefined;
  const first = await call.start();
  expect(first.has('Dial')).toBe(false);
  return { call, menu: first.attr('Gather', 'action'), ...(teamList ? { teamList } : {}) };
}

function expectVoicemail(answer: Answer): void {
  expect(answer.has('Record')).toBe(true);
  expect(answer.has('Dial')).toBe(false);
  expect(answer.has('Hangup')).toBe(false);
  expect(parseLink(answer.attr('Record', 'action')).name).toBe('recorded');
}

describe('menu: choosing a team', () => {
  it('answers a key press with ONE response that already rings the first responder', async () => {
    const { call, menu, teamList } = await atTeamMenu(victorOps);
    // Nothing but the team list was asked of the provider to play the menu…
    expect(teamList?.isDone()).toBe(true);
    expect(sandbox.unmatched).toEqual([]);
    // …and the key may reach another, cold container: the slug travels in the call's state.
    resetWarmState();
    const scope = mockPlatformLookup({ teamList: false });
    const answer = await call.follow(menu, { params: { Digits: '1' } });
    // …and the whole lookup happened inside this one handler call, without the team list.
    expect(scope.isDone()).toBe(true);
    expect(sandbox.unmatched).toEqual([]);
    expect(answer.verbs).toEqual(['Say', 'Dial']);
    expect(answer.dialled).toEqual([VO_PHONES.alice]);
    expect(answer.said).toBe('Connecting you to alice, on call for the Platform team. Please hold.');
    expect(parseLink(answer.attr('Dial', 'action')).name).toBe('dial-result');
    expect(parseLink(answer.attr('Number', 'url')).name).toBe('whisper');
    expect(answer.has('Redirect')).toBe(false);
  });

  it('rings the chosen team: 2 is the second team of the roster', async () => {
    const { call, menu } = await atTeamMenu({ NUMBER_OF_MENUS: '1' });
    const answer = await call.follow(menu, { params: { Digits: '2' } });
    expect(answer.dialled).toEqual([ROSTER.Database[0].phone]);
    expect(answer.said).toContain('Carol');
  });

  it('understands a spoken team name', async () => {
    const { call, menu } = await atTeamMenu({ NUMBER_OF_MENUS: '1' });
    const answer = await call.follow(menu, { params: { SpeechResult: 'the database team please', Confidence: '0.9' } });
    expect(answer.dialled).toEqual([ROSTER.Database[0].phone]);
  });

  it('plays the menu again after a wrong key, without asking the provider', async () => {
    const { call, menu } = await atTeamMenu(victorOps);
    const answer = await call.follow(menu, { params: { Digits: '7' } });
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(answer.said).toContain('Sorry, that is not one of the choices.');
    expect(answer.has('Dial')).toBe(false);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('goes from the main menu to the team menu, then rings', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '2' });
    const main = await call.start();
    const teamMenu = await call.follow(main.attr('Gather', 'action'), { params: { Digits: '1' } });
    expect(teamMenu.said).toContain('For Platform, press 1.');
    const ringing = await call.follow(teamMenu.attr('Gather', 'action'), { params: { Digits: '1' } });
    expect(ringing.dialled).toEqual([ROSTER.Platform[0].phone]);
  });

  it('takes a message when the caller chooses to leave one, without any lookup', async () => {
    const call = new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '2' });
    mockTeamList();
    const main = await call.start();
    const teamMenu = await call.follow(main.attr('Gather', 'action'), { params: { Digits: '2' } });
    // Only the alert itself: its routing key, the team's slug, came with the call's state.
    const opened = captureAlerts();
    const answer = await call.follow(teamMenu.attr('Gather', 'action'), { params: { Digits: '2' } });
    expectVoicemail(answer);
    expect(answer.said).toContain('Please leave a message for the Database team');
    expect(opened.alerts).toEqual([
      expect.objectContaining({ entity_display_name: `Message for Database from ${call.from}` }),
    ]);
    expect(opened.routingKeys).toEqual([TEAMS.database.slug]);
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('menu: when the provider fails', () => {
  it('takes a voicemail, not a hang-up, when Splunk On-Call answers 500', async () => {
    const { call, menu } = await atTeamMenu(victorOps);
    const scope = apiScope();
    scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(500, { message: 'internal error' });
    const answer = await call.follow(menu, { params: { Digits: '1' } });
    expect(scope.isDone()).toBe(true);
    expectVoicemail(answer);
    expect(answer.said).toContain('We could not find out who is on call for the Platform team.');
  });

  it('takes a voicemail within the budget when Splunk On-Call is too slow', async () => {
    const { call, menu } = await atTeamMenu({ ...victorOps, LOOKUP_TIMEOUT_MS: '500' });
    const scope = apiScope();
    scope
      .get(schedulePath(TEAMS.platform.slug))
      .query(true)
      .times(4)
      .delay(600)
      .reply(200, { team: { name: 'Platform', slug: TEAMS.platform.slug }, schedules: [] });
    const started = Date.now();
    const answer = await call.follow(menu, { params: { Digits: '1' } });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
    expectVoicemail(answer);
    expect(answer.said).toContain('We could not find out who is on call');
  });

  it('takes a voicemail when nobody is on call', async () => {
    const { call, menu } = await atTeamMenu(victorOps);
    const scope = apiScope();
    mockSchedules(scope, TEAMS.platform, [{ name: 'Empty', slug: 'empty', steps: [] }]);
    const answer = await call.follow(menu, { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(answer.said).toContain('Nobody is on call for the Platform team right now.');
  });
});

describe('menu: the call state', () => {
  it.each([
    ['altered', (token: string) => flipCharacter(token, Math.floor(token.length / 2))],
    ['altered in its last character', (token: string) => flipCharacter(token, token.length - 1)],
    ['cut short', (token: string) => token.slice(0, -4)],
  ])('takes a voicemail and dials nobody when the state is %s', async (_label, alter) => {
    const { call, menu } = await atTeamMenu(victorOps);
    const answer = await call.send('menu', alter(tokenOf(menu)), { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(answer.said).toContain('Sorry, something went wrong with this call.');
    expect(sandbox.unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('takes a voicemail and dials nobody when the state has expired', async () => {
    const call = new PhoneCall(victorOps);
    const state: CallState = { ...newCallState(call.callSid, call.from, call.to), stage: 'team-menu' };
    const dayAndAnHourAgo = Date.now() - STATE_MAX_AGE_MS - 3_600_000;
    const fresh = await call.send('menu', sealState(state, AUTH_TOKEN), { params: { Digits: '7' } });
    expect(fresh.said).toContain('Sorry, that is not one of the choices.'); // the same state, when fresh, is honoured
    const answer = await call.send('menu', sealState(state, AUTH_TOKEN, dayAndAnHourAgo), { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(answer.said).toContain('Sorry, something went wrong with this call.');
    expect(sandbox.unmatched).toEqual([]);
  });

  it('asks the provider nothing, not even the team list, when the state is altered', async () => {
    const withoutTeams = { ...victorOpsEnv, NUMBER_OF_MENUS: '1' };
    const call = new PhoneCall(withoutTeams);
    const state: CallState = { ...newCallState(call.callSid, call.from, call.to), stage: 'team-menu' };
    const token = flipCharacter(sealState(state, AUTH_TOKEN), 30);
    const answer = await call.send('menu', token, { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('takes a voicemail and dials nobody when the state is missing', async () => {
    const { call } = await atTeamMenu(victorOps);
    const answer = await call.send('menu', undefined, { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('refuses a state issued for another call', async () => {
    const { menu } = await atTeamMenu(victorOps);
    const otherCall = new PhoneCall(victorOps);
    const answer = await otherCall.follow(menu, { params: { Digits: '1' } });
    expectVoicemail(answer);
    expect(answer.said).toContain('Sorry, something went wrong with this call.');
    expect(sandbox.unmatched).toEqual([]);
  });

  it('refuses an unsigned request, or one whose state token was swapped in transit', async () => {
    const { call, menu } = await atTeamMenu(victorOps);
    const { menu: otherMenu } = await atTeamMenu(victorOps);
    for (const signing of ['none', { tokenInTransit: tokenOf(otherMenu) }, { alter: 'Digits', to: '2' }] as const) {
      const answer = await call.follow(menu, { params: { Digits: '1' }, signing });
      expect(answer.verbs).toEqual(['Say', 'Hangup']);
      expect(answer.has('Dial')).toBe(false);
    }
    expect(sandbox.unmatched).toEqual([]);
  });

  it('keeps responder numbers out of the TwiML except inside <Number>', async () => {
    const { call, menu } = await atTeamMenu(victorOps);
    mockPlatformLookup({ teamList: false });
    const answer = await call.follow(menu, { params: { Digits: '1' } });
    expect(answer.dialled).toEqual([VO_PHONES.alice]);
    for (const phone of [...ALL_VO_PHONES, ...ROSTER_PHONES]) {
      expect(answer.xmlOutsideNumbers).not.toContain(phone.slice(2));
    }
  });
});

describe('menu: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const { call, menu } = await atTeamMenu({ NUMBER_OF_MENUS: '1' });
    const cases = garbageCases('menu', { token: tokenOf(menu), callSid: call.callSid });
    for (const { label, event } of cases) {
      const answer = await invokeRaw('menu', event, { NUMBER_OF_MENUS: '1' });
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
    expect(cases.length).toBeGreaterThan(8);
  });
});
