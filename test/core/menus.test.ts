import type { CallState } from '../../functions/lib/core/call-state';
import { MENU_RETRIES, MENU_TIMEOUT_SECONDS, type FlowConfig } from '../../functions/lib/core/flow-config';
import { answerCall, onMenuInput, type IncomingCall, type MenuInput } from '../../functions/lib/core/menus';
import type { Team } from '../../functions/lib/core/types';
import type { Step } from '../../functions/lib/core/verbs';
import {
  asNeedOnCall,
  asReply,
  CALL_SID,
  CALLER,
  callState,
  DATABASE,
  expectCallbackRequest,
  expectedIncidentKinds,
  expectMenu,
  expectRecording,
  flowConfig,
  PAYMENTS,
  PLATFORM,
  sentence,
  SUPPORT_NUMBER,
  TEAMS,
} from './builders';

const AT = new Date('2026-12-02T15:00:00Z');
const CALL: IncomingCall = { callSid: CALL_SID, from: CALLER, to: SUPPORT_NUMBER, at: AT };
const ONE_TEAM: Team[] = [PLATFORM];

const greeting = sentence('greeting');
const mainMenuPrompt = [sentence('mainMenu'), sentence('repeatHint')];
const teamMenuPrompt = [
  sentence('teamMenuIntro'),
  'For Platform, press 1.',
  'For Database, press 2.',
  'For Payments, press 3.',
  sentence('repeatHint'),
];

function atMainMenu(overrides: Partial<CallState> = {}): CallState {
  return callState({ stage: 'main-menu', ...overrides });
}

function atTeamMenu(overrides: Partial<CallState> = {}): CallState {
  return callState({ stage: 'team-menu', ...overrides });
}

/** Follows the menu links: the state the next webhook receives. */
function menuState(step: Step): CallState {
  return expectMenu(step).action.state;
}

describe('answerCall: the greeting and the first menu', () => {
  it('starts a fresh call state from the incoming call', () => {
    const gather = expectMenu(answerCall(flowConfig({ menus: 1 }), CALL));
    expect(gather.action.state).toEqual({
      callSid: CALL_SID,
      caller: CALLER,
      supportNumber: SUPPORT_NUMBER,
      stage: 'team-menu',
      intent: 'talk',
      misses: 0,
      chain: [],
      current: 0,
      attempts: [],
      offered: [{ name: 'Platform' }, { name: 'Database' }, { name: 'Payments' }],
    });
  });

  it('carries the teams offered, with their provider keys, so that the menu webhook needs no team list', () => {
    const teams = [
      { ...PLATFORM, ref: 'team-pl4tf0rm' },
      { name: 'Discovered', ref: 'team-d1sc' },
    ];
    const atMenu = menuState(answerCall(flowConfig({ menus: 1, teams }), CALL));
    expect(atMenu.offered).toEqual([
      { name: 'Platform', ref: 'team-pl4tf0rm' },
      { name: 'Discovered', ref: 'team-d1sc' },
    ]);
    // The menu webhook's own configuration lists only the configured teams (and FALLBACK_PHONES).
    const menuWebhook = flowConfig({ menus: 1, teams: [PLATFORM], fallbackPhones: ['+15555550190'] });
    const chosen = asNeedOnCall(onMenuInput(menuWebhook, atMenu, { digits: '2', at: AT }));
    expect(chosen.team).toEqual({ name: 'Discovered', ref: 'team-d1sc', fallbackPhones: ['+15555550190'] });
    expect(chosen.state.offered).toBeUndefined();
    const first = asNeedOnCall(onMenuInput(menuWebhook, atMenu, { digits: '1', at: AT }));
    expect(first.team).toEqual({ ...PLATFORM, ref: 'team-pl4tf0rm' });
  });

  describe('NUMBER_OF_MENUS=0', () => {
    it.each([
      ['several teams', TEAMS],
      ['a single team', ONE_TEAM],
    ])('plays no menu and goes to the first team, with %s', (_label, teams) => {
      const step = asNeedOnCall(answerCall(flowConfig({ menus: 0, teams }), CALL));
      expect(step.team).toEqual(PLATFORM);
      expect(step.prelude).toEqual([greeting]);
      expect(step.state).toMatchObject({ stage: 'forwarding', intent: 'talk', team: PLATFORM, misses: 0 });
      expect(step.state).toMatchObject({ callSid: CALL_SID, caller: CALLER, supportNumber: SUPPORT_NUMBER });
    });
  });

  describe('NUMBER_OF_MENUS=1', () => {
    it('plays the team menu after the greeting, teams in configured order', () => {
      const gather = expectMenu(answerCall(flowConfig({ menus: 1 }), CALL));
      expect(gather.prompt).toEqual([greeting, ...teamMenuPrompt]);
      expect(gather.action.state.stage).toBe('team-menu');
      expect(gather.action.state.intent).toBe('talk');
    });

    it('reads the teams in the order they are configured, not alphabetically', () => {
      const gather = expectMenu(answerCall(flowConfig({ menus: 1, teams: [PAYMENTS, DATABASE, PLATFORM] }), CALL));
      expect(gather.prompt.slice(2, 5)).toEqual([
        'For Payments, press 1.',
        'For Database, press 2.',
        'For Platform, press 3.',
      ]);
    });

    it('waits for one key with the menu timeout and offers the team names as speech hints', () => {
      const gather = expectMenu(answerCall(flowConfig({ menus: 1 }), CALL));
      expect(gather.timeoutSeconds).toBe(MENU_TIMEOUT_SECONDS);
      expect(gather.numDigits).toBe(1);
      expect(gather.finishOnKey).toBeUndefined();
      expect(gather.speechHints).toEqual(['Platform', 'Database', 'Payments']);
    });

    it('offers no speech hints when speech input is off', () => {
      const gather = expectMenu(answerCall(flowConfig({ menus: 1, speechInput: false }), CALL));
      expect(gather).not.toHaveProperty('speechHints');
    });

    it('has no team menu with a single team: straight to that team', () => {
      const step = asNeedOnCall(answerCall(flowConfig({ menus: 1, teams: ONE_TEAM }), CALL));
      expect(step.team).toEqual(PLATFORM);
      expect(step.prelude).toEqual([greeting]);
      expect(step.state.stage).toBe('forwarding');
    });

    it('takes one key for up to 9 teams and keys ended by # for 10 or more', () => {
      const nine = Array.from({ length: 9 }, (_, i) => ({ name: `Team ${i + 1}` }));
      const ten = [...nine, { name: 'Team 10' }];
      const gatherNine = expectMenu(answerCall(flowConfig({ menus: 1, teams: nine }), CALL));
      expect(gatherNine.numDigits).toBe(1);
      expect(gatherNine.finishOnKey).toBeUndefined();
      const gatherTen = expectMenu(answerCall(flowConfig({ menus: 1, teams: ten }), CALL));
      expect(gatherTen.numDigits).toBeUndefined();
      expect(gatherTen.finishOnKey).toBe('#');
      expect(gatherTen.prompt).toContain('For Team 10, press 10.');
    });
  });

  describe('NUMBER_OF_MENUS=2', () => {
    it.each([
      ['several teams', TEAMS],
      ['a single team', ONE_TEAM],
    ])('plays the main menu after the greeting, with %s', (_label, teams) => {
      const gather = expectMenu(answerCall(flowConfig({ menus: 2, teams }), CALL));
      expect(gather.prompt).toEqual([greeting, ...mainMenuPrompt]);
      expect(gather.prompt[1]).toBe('To reach the on-call engineer, press 1. To leave a message, press 2.');
      expect(gather.action.state.stage).toBe('main-menu');
      expect(gather.numDigits).toBe(1);
      expect(gather.timeoutSeconds).toBe(MENU_TIMEOUT_SECONDS);
      expect(gather.speechHints).toEqual(['on-call engineer', 'leave a message']);
    });
  });

  it('never hangs up or dials from the first webhook', () => {
    for (const menus of [0, 1, 2] as const) {
      for (const noCall of [false, true]) {
        for (const noVoicemail of [false, true]) {
          const step = answerCall(flowConfig({ menus, noCall, noVoicemail }), CALL);
          if (step.kind === 'reply') {
            expect(step.verbs.map((v) => v.verb)).not.toContain('hangup');
            expect(step.verbs.map((v) => v.verb)).not.toContain('dial');
            expect(step.incidents.map((i) => i.kind)).toEqual(expectedIncidentKinds(step));
          }
        }
      }
    }
  });
});

describe('onMenuInput: the main menu', () => {
  const config = flowConfig({ menus: 2 });

  it('1 leads to the team menu to talk to the on-call engineer', () => {
    const gather = expectMenu(onMenuInput(config, atMainMenu(), { digits: '1', at: AT }));
    expect(gather.prompt).toEqual(teamMenuPrompt);
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', intent: 'talk', misses: 0 });
  });

  it('2 leads to the team menu to leave a message', () => {
    const gather = expectMenu(onMenuInput(config, atMainMenu(), { digits: '2', at: AT }));
    expect(gather.prompt).toEqual(teamMenuPrompt);
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', intent: 'message', misses: 0 });
  });

  it('a good choice clears the misses of the previous menu', () => {
    const gather = expectMenu(onMenuInput(config, atMainMenu({ misses: 2 }), { digits: '1', at: AT }));
    expect(gather.action.state.misses).toBe(0);
    expect(gather.prompt[0]).toBe(sentence('teamMenuIntro'));
  });

  it('2 then a team leaves a voicemail for that team (caller-chose-message)', () => {
    const teamMenu = menuState(onMenuInput(config, atMainMenu(), { digits: '2', at: AT }));
    const { record, state, sentences } = expectRecording(onMenuInput(config, teamMenu, { digits: '2', at: AT }));
    expect(state).toMatchObject({ stage: 'voicemail', reason: 'caller-chose-message', team: DATABASE });
    expect(sentences).toEqual([
      sentence('teamAlerted', { team: 'Database' }),
      sentence('leaveMessage', { team: 'Database' }),
    ]);
    expect(record.maxLengthSeconds).toBe(90);
  });

  it('1 then a team asks who is on call for that team', () => {
    const teamMenu = menuState(onMenuInput(config, atMainMenu(), { digits: '1', at: AT }));
    const step = asNeedOnCall(onMenuInput(config, teamMenu, { digits: '3', at: AT }));
    expect(step.team).toEqual(PAYMENTS);
    expect(step.prelude).toEqual([]);
    expect(step.state).toMatchObject({ stage: 'forwarding', intent: 'talk', team: PAYMENTS, misses: 0 });
  });

  describe('with a single team there is no team menu', () => {
    const single = flowConfig({ menus: 2, teams: ONE_TEAM });

    it('1 goes straight to the on-call lookup for that team', () => {
      const step = asNeedOnCall(onMenuInput(single, atMainMenu(), { digits: '1', at: AT }));
      expect(step.team).toEqual(PLATFORM);
      expect(step.prelude).toEqual([]);
      expect(step.state).toMatchObject({ stage: 'forwarding', intent: 'talk', team: PLATFORM });
    });

    it('2 goes straight to the voicemail of that team', () => {
      const { state, sentences } = expectRecording(onMenuInput(single, atMainMenu(), { digits: '2', at: AT }));
      expect(state).toMatchObject({ reason: 'caller-chose-message', team: PLATFORM, intent: 'message' });
      expect(sentences).toEqual([
        sentence('teamAlerted', { team: 'Platform' }),
        sentence('leaveMessage', { team: 'Platform' }),
      ]);
    });
  });

  it.each([
    ['engineer', 'talk'],
    ['the on-call engineer please', 'talk'],
    ['I want to leave a message', 'message'],
    ['Message.', 'message'],
    ['one', 'talk'],
    ['two', 'message'],
    ['2', 'message'],
  ] as const)('speech %p picks the option that means %s', (speech, intent) => {
    const gather = expectMenu(onMenuInput(config, atMainMenu(), { speech, at: AT }));
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', intent, misses: 0 });
  });

  it('with NO_VOICEMAIL, "call back" picks option 2 and the hints say so', () => {
    const noVoicemail = flowConfig({ menus: 2, noVoicemail: true });
    const first = expectMenu(answerCall(noVoicemail, CALL));
    expect(first.speechHints).toEqual(['on-call engineer', 'call back']);
    const gather = expectMenu(onMenuInput(noVoicemail, atMainMenu(), { speech: 'please call me back', at: AT }));
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', intent: 'message' });
  });

  it.each(['engineer or message', 'one or two', 'three', 'hello'])(
    'speech %p matches no single option and counts as a miss',
    (speech) => {
      const gather = expectMenu(onMenuInput(config, atMainMenu(), { speech, at: AT }));
      expect(gather.prompt).toEqual([sentence('invalidInput'), ...mainMenuPrompt]);
      expect(gather.action.state).toMatchObject({ stage: 'main-menu', misses: 1 });
    },
  );

  it('0 repeats the main menu without an apology and without counting a miss', () => {
    const gather = expectMenu(onMenuInput(config, atMainMenu({ misses: 1 }), { digits: '0', at: AT }));
    expect(gather.prompt).toEqual(mainMenuPrompt);
    expect(gather.action.state).toMatchObject({ stage: 'main-menu', misses: 1, intent: 'talk' });
  });

  it.each(['3', '9', '*', '#', '12', 'abc'])('a wrong key %p re-prompts the main menu with an apology', (digits) => {
    const gather = expectMenu(onMenuInput(config, atMainMenu(), { digits, at: AT }));
    expect(gather.prompt).toEqual([sentence('invalidInput'), ...mainMenuPrompt]);
    expect(gather.action.state).toMatchObject({ stage: 'main-menu', misses: 1 });
  });

  it('the third miss at the main menu goes to the first team', () => {
    const step = asNeedOnCall(onMenuInput(config, atMainMenu({ misses: 2 }), { at: AT }));
    expect(step.team).toEqual(PLATFORM);
    expect(step.prelude).toEqual([sentence('noInput'), 'We will put you through to the Platform team.']);
    expect(step.state).toMatchObject({ stage: 'forwarding', intent: 'talk', team: PLATFORM, misses: 0 });
  });

  it('with NO_VOICEMAIL the main menu offers a call back instead of a message', () => {
    const noVoicemail = flowConfig({ menus: 2, noVoicemail: true });
    const first = expectMenu(answerCall(noVoicemail, CALL));
    expect(first.prompt).toEqual([
      greeting,
      'To reach the on-call engineer, press 1. To ask for a call back, press 2.',
      sentence('repeatHint'),
    ]);
    const repeated = expectMenu(onMenuInput(noVoicemail, atMainMenu(), { digits: '0', at: AT }));
    expect(repeated.prompt[0]).toBe(sentence('mainMenuNoVoicemail'));
    const retried = expectMenu(onMenuInput(noVoicemail, atMainMenu(), { digits: '7', at: AT }));
    expect(retried.prompt).toEqual([sentence('invalidInput'), sentence('mainMenuNoVoicemail'), sentence('repeatHint')]);
  });
});

describe('onMenuInput: the team menu', () => {
  const config = flowConfig({ menus: 1 });

  it.each([
    ['1', PLATFORM],
    ['2', DATABASE],
    ['3', PAYMENTS],
    [' 2 ', DATABASE],
  ])('key %p picks its team and asks who is on call', (digits, team) => {
    const step = asNeedOnCall(onMenuInput(config, atTeamMenu({ misses: 2 }), { digits, at: AT }));
    expect(step.team).toEqual(team);
    expect(step.prelude).toEqual([]);
    expect(step.state).toMatchObject({ stage: 'forwarding', intent: 'talk', team, misses: 0 });
  });

  it.each([
    ['Database', DATABASE],
    ['the database team please', DATABASE],
    ['PAYMENTS!', PAYMENTS],
    ['two', DATABASE],
    ['number three', PAYMENTS],
    ['1', PLATFORM],
  ])('speech %p picks %o', (speech, team) => {
    expect(asNeedOnCall(onMenuInput(config, atTeamMenu(), { speech, at: AT })).team).toEqual(team);
  });

  it.each(['platform or database', 'one or two', 'four', 'nine', 'the billing team'])(
    'speech %p is ambiguous or unknown: a miss',
    (speech) => {
      const gather = expectMenu(onMenuInput(config, atTeamMenu(), { speech, at: AT }));
      expect(gather.prompt).toEqual([sentence('invalidInput'), ...teamMenuPrompt]);
      expect(gather.action.state).toMatchObject({ stage: 'team-menu', misses: 1 });
    },
  );

  it('a team whose name contains another team name can still be chosen by voice', () => {
    const teams = [{ name: 'Database' }, { name: 'Database Replicas' }];
    const twoTeams = flowConfig({ menus: 1, teams });
    expect(asNeedOnCall(onMenuInput(twoTeams, atTeamMenu(), { speech: 'database replicas', at: AT })).team).toEqual(
      teams[1],
    );
    expect(asNeedOnCall(onMenuInput(twoTeams, atTeamMenu(), { speech: 'database', at: AT })).team).toEqual(teams[0]);
  });

  it('digits win over speech when Twilio sends both', () => {
    expect(asNeedOnCall(onMenuInput(config, atTeamMenu(), { digits: '3', speech: 'platform', at: AT })).team).toEqual(
      PAYMENTS,
    );
  });

  it('ignores speech when Twilio sends a wrong key with it', () => {
    const gather = expectMenu(onMenuInput(config, atTeamMenu(), { digits: '8', speech: 'platform', at: AT }));
    expect(gather.action.state.misses).toBe(1);
  });

  it('0 repeats the team menu and keeps the misses and the intent', () => {
    const state = atTeamMenu({ misses: 2, intent: 'message' });
    const gather = expectMenu(onMenuInput(config, state, { digits: '0', at: AT }));
    expect(gather.prompt).toEqual(teamMenuPrompt);
    expect(gather.action.state).toEqual(state);
  });

  it('a repeat does not reset the count: the next miss after two is still the third', () => {
    const repeated = menuState(onMenuInput(config, atTeamMenu({ misses: 2 }), { digits: '0', at: AT }));
    expect(asNeedOnCall(onMenuInput(config, repeated, { digits: '9', at: AT })).team).toEqual(PLATFORM);
  });

  it.each(['4', '9', '*', '#', '12', '00', 'abc', '1a'])('wrong key %p: apology and the team menu again', (digits) => {
    const gather = expectMenu(onMenuInput(config, atTeamMenu(), { digits, at: AT }));
    expect(gather.prompt).toEqual([sentence('invalidInput'), ...teamMenuPrompt]);
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', misses: 1 });
  });

  it.each<[string, MenuInput]>([
    ['nothing at all', { at: AT }],
    ['empty digits', { digits: '', at: AT }],
    ['blank digits', { digits: '  ', at: AT }],
    ['blank speech', { speech: ' ', at: AT }],
  ])('no input (%s): "we did not hear a choice" and the team menu again', (_label, input) => {
    const gather = expectMenu(onMenuInput(config, atTeamMenu(), input));
    expect(gather.prompt).toEqual([sentence('noInput'), ...teamMenuPrompt]);
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', misses: 1 });
  });

  it('re-prompts twice, then the third miss goes to the first team', () => {
    expect(MENU_RETRIES).toBe(2);
    const first = menuState(onMenuInput(config, atTeamMenu(), { digits: '9', at: AT }));
    expect(first.misses).toBe(1);
    const second = menuState(onMenuInput(config, first, { at: AT }));
    expect(second.misses).toBe(2);
    const third = asNeedOnCall(onMenuInput(config, second, { digits: '*', at: AT }));
    expect(third.team).toEqual(PLATFORM);
    expect(third.prelude).toEqual([sentence('invalidInput'), sentence('defaultTeam', { team: 'Platform' })]);
    expect(third.state).toMatchObject({ stage: 'forwarding', team: PLATFORM, misses: 0 });
  });

  it('the third miss of a caller who wants to leave a message goes to the first team voicemail', () => {
    const step = onMenuInput(config, atTeamMenu({ misses: 2, intent: 'message' }), { at: AT });
    const { state, sentences } = expectRecording(step);
    expect(state).toMatchObject({ team: PLATFORM, reason: 'caller-chose-message' });
    expect(sentences).toEqual([
      sentence('noInput'),
      'We will put you through to the Platform team.',
      sentence('teamAlerted', { team: 'Platform' }),
      sentence('leaveMessage', { team: 'Platform' }),
    ]);
  });

  it('with ten or more teams, two-key choices work', () => {
    const teams = Array.from({ length: 12 }, (_, i) => ({ name: `Team ${String.fromCharCode(65 + i)}` }));
    const many = flowConfig({ menus: 1, teams });
    expect(asNeedOnCall(onMenuInput(many, atTeamMenu(), { digits: '10', at: AT })).team).toEqual(teams[9]);
    expect(asNeedOnCall(onMenuInput(many, atTeamMenu(), { digits: '12', at: AT })).team).toEqual(teams[11]);
    expect(menuState(onMenuInput(many, atTeamMenu(), { digits: '13', at: AT })).misses).toBe(1);
    expect(menuState(onMenuInput(many, atTeamMenu({ misses: 1 }), { digits: '0', at: AT })).misses).toBe(1);
  });

  it('never answers a menu input with a hangup, a dial or an incident', () => {
    const inputs: MenuInput[] = [
      { at: AT },
      { digits: '0', at: AT },
      { digits: '1', at: AT },
      { digits: '2', at: AT },
      { digits: '9', at: AT },
      { speech: 'x', at: AT },
    ];
    for (const stage of ['main-menu', 'team-menu'] as const) {
      for (const misses of [0, 1, 2]) {
        for (const input of inputs) {
          for (const cfg of [flowConfig({ menus: 2 }), flowConfig({ menus: 2, noVoicemail: true })]) {
            const step = onMenuInput(cfg, callState({ stage, misses }), input);
            if (step.kind === 'need-on-call') continue;
            for (const outcome of ['alerted', 'texted', 'recorded', 'failed'] as const) {
              const answer = asReply(step, outcome);
              expect(answer.verbs.map((v) => v.verb)).not.toContain('hangup');
              expect(answer.verbs.map((v) => v.verb)).not.toContain('dial');
              expect(answer.incidents.map((i) => i.kind)).toEqual(expectedIncidentKinds(answer));
            }
          }
        }
      }
    }
  });
});

describe('NO_CALL: straight to voicemail (no-call-mode)', () => {
  const noCall = (menus: FlowConfig['menus'], teams: Team[] = TEAMS): FlowConfig =>
    flowConfig({ menus, noCall: true, teams });

  it('NUMBER_OF_MENUS=0: the first team voicemail right after the greeting', () => {
    const { state, sentences } = expectRecording(answerCall(noCall(0), CALL));
    expect(state).toMatchObject({ stage: 'voicemail', reason: 'no-call-mode', team: PLATFORM, intent: 'message' });
    expect(sentences).toEqual([
      greeting,
      sentence('teamAlerted', { team: 'Platform' }),
      sentence('leaveMessage', { team: 'Platform' }),
    ]);
  });

  it.each([1, 2] as const)('NUMBER_OF_MENUS=%p with several teams: asks for the team, then the voicemail', (menus) => {
    const gather = expectMenu(answerCall(noCall(menus), CALL));
    // The main menu (talk or message) makes no sense when nobody can be called.
    expect(gather.prompt).toEqual([greeting, ...teamMenuPrompt]);
    expect(gather.action.state).toMatchObject({ stage: 'team-menu', intent: 'message' });
    const { state, sentences } = expectRecording(
      onMenuInput(noCall(menus), gather.action.state, { digits: '3', at: AT }),
    );
    expect(state).toMatchObject({ reason: 'no-call-mode', team: PAYMENTS });
    expect(sentences).toEqual([
      sentence('teamAlerted', { team: 'Payments' }),
      sentence('leaveMessage', { team: 'Payments' }),
    ]);
  });

  it.each([0, 1, 2] as const)('NUMBER_OF_MENUS=%p with a single team: the voicemail after the greeting', (menus) => {
    const { state, sentences } = expectRecording(answerCall(noCall(menus, ONE_TEAM), CALL));
    expect(state).toMatchObject({ reason: 'no-call-mode', team: PLATFORM });
    expect(sentences).toEqual([
      greeting,
      sentence('teamAlerted', { team: 'Platform' }),
      sentence('leaveMessage', { team: 'Platform' }),
    ]);
  });

  it('even the third miss leads to a voicemail, not a call', () => {
    const { state } = expectRecording(onMenuInput(noCall(1), atTeamMenu({ misses: 2, intent: 'message' }), { at: AT }));
    expect(state).toMatchObject({ reason: 'no-call-mode', team: PLATFORM });
  });

  it('wins over a talk intent in a state issued before NO_CALL was set', () => {
    const { state } = expectRecording(onMenuInput(noCall(1), atTeamMenu({ intent: 'talk' }), { digits: '2', at: AT }));
    expect(state).toMatchObject({ reason: 'no-call-mode', team: DATABASE });
  });
});

describe('NO_VOICEMAIL: a call-back request instead of a recording', () => {
  it.each([0, 1, 2] as const)('NUMBER_OF_MENUS=%p with NO_CALL: the call-back prompt', (menus) => {
    const config = flowConfig({ menus, noCall: true, noVoicemail: true });
    let step = answerCall(config, CALL);
    if (menus > 0) step = onMenuInput(config, menuState(step), { digits: '2', at: AT });
    const { gather, state } = expectCallbackRequest(step);
    const team = menus === 0 ? PLATFORM : DATABASE;
    expect(state).toMatchObject({ stage: 'callback', reason: 'no-call-mode', team });
    expect(gather.prompt.slice(-2)).toEqual([sentence('teamAlerted', { team: team.name }), sentence('callbackPrompt')]);
    expect(asReply(step).verbs.map((v) => v.verb)).not.toContain('record');
  });

  it('main menu 2 then a team: the call-back prompt for that team (caller-chose-message)', () => {
    const config = flowConfig({ menus: 2, noVoicemail: true });
    const teamMenu = menuState(onMenuInput(config, atMainMenu(), { digits: '2', at: AT }));
    const { gather, state } = expectCallbackRequest(onMenuInput(config, teamMenu, { digits: '1', at: AT }));
    expect(state).toMatchObject({ stage: 'callback', reason: 'caller-chose-message', team: PLATFORM });
    expect(gather.prompt).toEqual([sentence('teamAlerted', { team: 'Platform' }), sentence('callbackPrompt')]);
  });

  it('main menu 1 still forwards the call', () => {
    const config = flowConfig({ menus: 2, noVoicemail: true, teams: ONE_TEAM });
    expect(asNeedOnCall(onMenuInput(config, atMainMenu(), { digits: '1', at: AT })).team).toEqual(PLATFORM);
  });

  it.each([0, 1] as const)('NUMBER_OF_MENUS=%p without NO_CALL still forwards the call', (menus) => {
    const config = flowConfig({ menus, noVoicemail: true, teams: ONE_TEAM });
    expect(asNeedOnCall(answerCall(config, CALL)).prelude).toEqual([greeting]);
  });
});
