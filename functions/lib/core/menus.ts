import { hoursDecision } from './after-hours';
import type { CallState } from './call-state';
import { newCallState } from './call-state';
import { MENU_RETRIES, MENU_TIMEOUT_SECONDS, type FlowConfig } from './flow-config';
import { say } from './say';
import { screenCaller } from './screening';
import { matchSpokenChoice } from './speech';
import type { Team } from './types';
import { traceOf } from './trace';
import { reply, type Step, type Verb } from './verbs';
import { enterVoicemail } from './voicemail';

export interface IncomingCall {
  callSid: string;
  from: string;
  to: string;
  /** When the call came in: opening hours are read at this instant. */
  at: Date;
  /** Twilio's STIR/SHAKEN verdict on the caller ID, when it gives one. */
  stirVerstat?: string;
}

export interface MenuInput {
  digits?: string;
  speech?: string;
  /** When the caller answered: opening hours are read at this instant. */
  at: Date;
}

/**
 * The first webhook of a call: screen the caller, greet them as the number they dialled greets,
 * then play the first menu of that number's teams, or go straight to its one team.
 */
export function answerCall(config: FlowConfig, call: IncomingCall): Step {
  const teams = teamsOfNumber(config, call.to);
  const offered = teams.map(({ name, ref }) => (ref ? { name, ref } : { name }));
  const state: CallState = { ...newCallState(call.callSid, call.from, call.to), offered };
  const numberGreeting = config.routing.numbers[call.to]?.greeting;
  const greeting = numberGreeting ?? say(config, 'greeting');
  const verdict = screenCaller(config.routing.callers, call.from, call.stirVerstat);
  if (verdict.treatment === 'reject') {
    // A decision, not a dropped call: nothing is owed to a caller the operator refuses.
    return {
      ...reply([{ verb: 'say', text: say(config, 'callerRejected') }, { verb: 'hangup' }]),
      trace: traceOf(state, 'ended'),
    };
  }
  if (verdict.treatment === 'voicemail')
    return enterVoicemail(config, { ...state, team: teams[0], intent: 'message' }, verdict.reason, [greeting]);
  const intent = config.noCall ? 'message' : 'talk';
  if (config.menus === 2 && !config.noCall) {
    return mainMenu(config, state, [greeting]);
  }
  if (config.menus === 0 || teams.length === 1) {
    return teamChosen(config, { ...state, intent }, teams[0], [greeting], call.at);
  }
  return teamMenu(config, { ...state, intent }, [greeting]);
}

/** The teams the dialled number offers, in its menu order; every team for a number not listed. */
function teamsOfNumber(config: FlowConfig, to: string): Team[] {
  const listed = config.routing.numbers[to]?.teams;
  if (!listed) return config.teams;
  const teams = listed.flatMap((name) => config.teams.filter((team) => team.name === name));
  return teams.length > 0 ? teams : config.teams;
}

/** The caller pressed a key, said something, or stayed silent at a menu. */
export function onMenuInput(config: FlowConfig, state: CallState, input: MenuInput): Step {
  const choice = readChoice(config, state, input);
  if (choice === 'repeat') {
    return state.stage === 'main-menu' ? mainMenu(config, state, []) : teamMenu(config, state, []);
  }
  if (choice === undefined) return missedChoice(config, state, input);

  const { heard, ...rest } = state;
  const fresh = { ...rest, misses: 0 };
  const teams = teamsOffered(config, state);
  if (state.stage === 'main-menu') {
    const intent = choice === 1 ? 'talk' : 'message';
    const next = { ...fresh, intent } as const;
    return teams.length === 1 ? teamChosen(config, next, teams[0], [], input.at) : teamMenu(config, next, []);
  }
  return teamChosen(config, fresh, teams[choice - 1], [], input.at);
}

/**
 * The teams this call's menu offers: those the first webhook offered (with their keys), each with
 * its configuration (policy, fallback numbers) when the operator configured it, else the config's.
 */
export function teamsOffered(config: FlowConfig, state: CallState): Team[] {
  if (!state.offered || state.offered.length === 0) return config.teams;
  return state.offered.map((offered) => teamByName(config, offered.name, offered.ref));
}

/**
 * A team named by an earlier webhook: its configuration (policy, fallback numbers) when the
 * operator configured it, else FALLBACK_PHONES; with the provider's key for it when known.
 */
export function teamByName(config: FlowConfig, name: string, ref: string | undefined): Team {
  const configured = config.teams.find((team) => team.name === name);
  const fallbacks = config.fallbackPhones.length > 0 ? { fallbackPhones: config.fallbackPhones } : {};
  const base: Team = configured ?? { name, ...fallbacks };
  return ref ? { ...base, ref } : base;
}

type Choice = number | 'repeat' | undefined;

/** Words that pick option 1 and 2 of the main menu when spoken. */
function mainMenuWords(config: FlowConfig): string[] {
  return ['engineer', config.noVoicemail ? 'call back' : 'message'];
}

function readChoice(config: FlowConfig, state: CallState, input: MenuInput): Choice {
  const teams = teamsOffered(config, state);
  const optionCount = state.stage === 'main-menu' ? 2 : teams.length;
  const digits = input.digits?.trim();
  if (digits) {
    if (digits === '0') return 'repeat';
    if (!/^[0-9]{1,2}$/.test(digits)) return undefined;
    const n = Number(digits);
    return n >= 1 && n <= optionCount ? n : undefined;
  }
  const speech = input.speech?.trim();
  if (speech) {
    const labels = state.stage === 'main-menu' ? mainMenuWords(config) : teams.map((t) => t.name);
    return matchSpokenChoice(speech, labels);
  }
  return undefined;
}

function missedChoice(config: FlowConfig, state: CallState, input: MenuInput): Step {
  const heardSomething = Boolean(input.digits?.trim() || input.speech?.trim());
  const apology = say(config, heardSomething ? 'invalidInput' : 'noInput');
  const misses = state.misses + 1;
  const heard = state.heard === true || heardSomething;
  if (misses <= MENU_RETRIES) {
    const retry: CallState = { ...state, misses, ...(heard ? { heard } : {}) };
    return retry.stage === 'main-menu' ? mainMenu(config, retry, [apology]) : teamMenu(config, retry, [apology]);
  }
  const firstTeam = teamsOffered(config, state)[0];
  const { heard: _heard, ...settled } = { ...state, misses: 0 };
  // Silence at every prompt may well be a robocall: the routing file says whether it still reaches a
  // team. A caller who pressed or said anything is a person, and is put through to the first team.
  const noInput = heard ? 'first-team' : config.routing.noInput;
  if (noInput === 'goodbye') {
    return {
      ...reply([{ verb: 'say', text: say(config, 'noChoiceGoodbye') }, { verb: 'hangup' }]),
      trace: traceOf(settled, 'ended'),
    };
  }
  if (noInput === 'voicemail')
    return enterVoicemail(config, { ...settled, team: firstTeam, intent: 'message' }, 'no-choice', [apology]);
  // Never hang up on a caller who cannot or will not choose: the first team is the safe default.
  return teamChosen(
    config,
    settled,
    firstTeam,
    [apology, say(config, 'defaultTeam', { team: firstTeam.name })],
    input.at,
  );
}

function mainMenu(config: FlowConfig, state: CallState, lead: string[]): Step {
  const options = say(config, config.noVoicemail ? 'mainMenuNoVoicemail' : 'mainMenu');
  const menuState: CallState = { ...state, stage: 'main-menu' };
  return menuReply(
    config,
    menuState,
    [...lead, options, say(config, 'repeatHint')],
    ['on-call engineer', config.noVoicemail ? 'call back' : 'leave a message'],
  );
}

function teamMenu(config: FlowConfig, state: CallState, lead: string[]): Step {
  const teams = teamsOffered(config, state);
  const options = teams.map((team, i) => say(config, 'teamOption', { team: team.name, digit: i + 1 }));
  const menuState: CallState = { ...state, stage: 'team-menu' };
  const prompt = [...lead, say(config, 'teamMenuIntro'), ...options, say(config, 'repeatHint')];
  return menuReply(
    config,
    menuState,
    prompt,
    teams.map((t) => t.name),
  );
}

function menuReply(config: FlowConfig, state: CallState, prompt: string[], hints: string[]): Step {
  const optionCount = state.stage === 'main-menu' ? 2 : teamsOffered(config, state).length;
  const gather: Verb = {
    verb: 'gather',
    action: { endpoint: 'menu', state },
    prompt,
    timeoutSeconds: MENU_TIMEOUT_SECONDS,
    ...(optionCount <= 9 ? { numDigits: 1 } : { finishOnKey: '#' }),
    ...(config.speechInput ? { speechHints: hints } : {}),
  };
  // Twilio goes on past a Gather that heard nothing; the redirect brings that silence back
  // to the menu handler, which counts it as a miss instead of letting the call end.
  return reply([gather, { verb: 'redirect', to: { endpoint: 'menu', state } }]);
}

function teamChosen(config: FlowConfig, state: CallState, team: Team, lead: string[], at: Date): Step {
  // The menu is over: later webhooks need the chosen team only, and the state stays short.
  const { offered, ...rest } = state;
  const withTeam: CallState = { ...rest, team };
  const messageOnly = state.intent === 'message' || config.noCall;
  const messageReason = config.noCall ? 'no-call-mode' : 'caller-chose-message';
  // Hours hold for a message as for a call: a closed team is not paged for either.
  const hours = hoursDecision(config, team, at);
  if (hours.to === 'voicemail') {
    const closed = hours.message ?? say(config, 'reasonAfterHours', { team: team.name });
    return enterVoicemail(config, { ...withTeam, afterHours: team.name }, 'after-hours', [...lead, closed]);
  }
  if (hours.to === 'other-team') {
    const other = teamByName(config, hours.team, undefined);
    const forOther: CallState = { ...withTeam, team: other, afterHours: team.name };
    if (messageOnly) {
      const closed = say(config, 'reasonAfterHours', { team: team.name });
      return enterVoicemail(config, forOther, messageReason, [...lead, closed]);
    }
    const transfer = say(config, 'closedTransfer', { team: team.name, other: other.name });
    return ringTeam(forOther, other, [...lead, transfer]);
  }
  if (messageOnly) return enterVoicemail(config, withTeam, messageReason, lead);
  return ringTeam(withTeam, team, lead);
}

function ringTeam(state: CallState, team: Team, lead: string[]): Step {
  const forwarding: CallState = { ...state, stage: 'forwarding' };
  return { kind: 'need-on-call', team, state: forwarding, prelude: lead, trace: traceOf(forwarding, 'team-chosen') };
}
