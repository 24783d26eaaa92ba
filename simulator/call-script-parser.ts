// Scenario files are hand-written JSON: check them field by field so a typo fails with
// a message naming the field instead of silently turning into "silence".
import {
  RESPONDER_BEHAVIOURS,
  type CallerInput,
  type CallScenario,
  type CallScript,
  type ResponderBehaviour,
  type ResponderScript,
  type VoicemailScript,
} from './call-script';
import { isStirVerstat } from './stir-verstat';

export class ScriptError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'ScriptError';
  }
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fields(value: unknown, where: string): Fields {
  if (!isFields(value)) throw new ScriptError(where, 'expected an object');
  return value;
}

function optionalNumber(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ScriptError(where, 'expected a non-negative number');
  }
  return value;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ScriptError(where, 'expected a string');
  return value;
}

export function parseCallerInput(value: unknown, where: string): CallerInput {
  const input = fields(value, where);
  if (typeof input.digits === 'string') {
    if (!/^[0-9*#]*$/.test(input.digits)) throw new ScriptError(where, 'digits may only contain 0-9, * and #');
    return { digits: input.digits };
  }
  if (typeof input.speech === 'string') return { speech: input.speech };
  if (input.silence === true) return { silence: true };
  if (input.hangUp === true) return { hangUp: true };
  throw new ScriptError(where, 'expected {"digits": "..."}, {"speech": "..."}, {"silence": true} or {"hangUp": true}');
}

function parseResponder(value: unknown, where: string): ResponderScript {
  const responder = fields(value, where);
  const behaviour = responder.behaviour;
  if (typeof behaviour !== 'string' || !RESPONDER_BEHAVIOURS.includes(behaviour as ResponderBehaviour)) {
    throw new ScriptError(`${where}.behaviour`, `expected one of ${RESPONDER_BEHAVIOURS.join(', ')}`);
  }
  const script: ResponderScript = { behaviour: behaviour as ResponderBehaviour };
  const talkSeconds = optionalNumber(responder.talkSeconds, `${where}.talkSeconds`);
  const ringSeconds = optionalNumber(responder.ringSeconds, `${where}.ringSeconds`);
  const presses = optionalString(responder.presses, `${where}.presses`);
  if (talkSeconds !== undefined) script.talkSeconds = talkSeconds;
  if (ringSeconds !== undefined) script.ringSeconds = ringSeconds;
  if (presses !== undefined) script.presses = presses;
  return script;
}

function parseVoicemail(value: unknown, where: string): VoicemailScript {
  const voicemail = fields(value, where);
  switch (voicemail.action) {
    case 'leave-message': {
      const seconds = optionalNumber(voicemail.seconds, `${where}.seconds`);
      if (seconds === undefined) throw new ScriptError(`${where}.seconds`, 'required for leave-message');
      const script: VoicemailScript = { action: 'leave-message', seconds };
      const transcript = optionalString(voicemail.transcript, `${where}.transcript`);
      if (transcript !== undefined) script.transcript = transcript;
      if (voicemail.transcriptionFails === true) script.transcriptionFails = true;
      if (voicemail.thenHangsUp === true) script.thenHangsUp = true;
      return script;
    }
    case 'silence':
      return { action: 'silence' };
    case 'hang-up': {
      const seconds = optionalNumber(voicemail.seconds, `${where}.seconds`);
      return seconds === undefined ? { action: 'hang-up' } : { action: 'hang-up', seconds };
    }
    default:
      throw new ScriptError(`${where}.action`, 'expected leave-message, silence or hang-up');
  }
}

export function parseCallScript(value: unknown, where = 'script'): CallScript {
  const raw = fields(value, where);
  const callerRaw = raw.caller ?? [];
  if (!Array.isArray(callerRaw)) throw new ScriptError(`${where}.caller`, 'expected an array');
  const script: CallScript = {
    caller: callerRaw.map((input, index) => parseCallerInput(input, `${where}.caller[${index}]`)),
  };
  if (raw.responders !== undefined) {
    const responders = fields(raw.responders, `${where}.responders`);
    script.responders = {};
    for (const [number, responder] of Object.entries(responders)) {
      script.responders[number] = parseResponder(responder, `${where}.responders["${number}"]`);
    }
  }
  if (Array.isArray(raw.voicemail)) {
    script.voicemail = raw.voicemail.map((item, index) => parseVoicemail(item, `${where}.voicemail[${index}]`));
  } else if (raw.voicemail !== undefined) {
    script.voicemail = parseVoicemail(raw.voicemail, `${where}.voicemail`);
  }
  const duringDial = raw.callerHangsUpDuringDial;
  if (typeof duringDial === 'boolean' || typeof duringDial === 'number') script.callerHangsUpDuringDial = duringDial;
  else if (duringDial !== undefined)
    throw new ScriptError(`${where}.callerHangsUpDuringDial`, 'expected a boolean or a number');
  if (raw.callerHangsUpAfterBridge === true) script.callerHangsUpAfterBridge = true;
  const atHop = optionalNumber(raw.callerHangsUpAtHop, `${where}.callerHangsUpAtHop`);
  if (atHop !== undefined) script.callerHangsUpAtHop = atHop;
  return script;
}

/** Accepts either a bare CallScript or a scenario ({script, from?, to?, ...}). */
export function parseScenario(value: unknown): CallScenario {
  const raw = fields(value, 'scenario');
  if (raw.script === undefined) return { script: parseCallScript(raw) };
  const scenario: CallScenario = { script: parseCallScript(raw.script, 'scenario.script') };
  for (const key of ['description', 'from', 'to', 'url', 'entryPath', 'callerName'] as const) {
    const text = optionalString(raw[key], `scenario.${key}`);
    if (text !== undefined) scenario[key] = text;
  }
  const stirVerstat = optionalString(raw.stirVerstat, 'scenario.stirVerstat');
  if (stirVerstat !== undefined) {
    if (!isStirVerstat(stirVerstat)) {
      throw new ScriptError(
        'scenario.stirVerstat',
        `"${stirVerstat}" is not a value Twilio sends (e.g. TN-Validation-Passed-A, TN-Validation-Failed, No-TN-Validation)`,
      );
    }
    scenario.stirVerstat = stirVerstat;
  }
  return scenario;
}
