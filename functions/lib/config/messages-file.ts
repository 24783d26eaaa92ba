import { defaultMessages, isMessageKey, isRecordingUrl, type MessageKey, type Messages } from '../core/messages';
import { isRecord } from '../providers/json';
import type { ConfigProblem } from './env-reader';

export interface ParsedMessages {
  messages: Messages;
  problems: ConfigProblem[];
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** Spoken to a request that is not Twilio's: reading an asset for it would be work it did not earn. */
const FIXED_MESSAGE: MessageKey = 'notVerified';

/** The placeholders a message may use: those its default text uses, which the flow always fills. */
export function allowedPlaceholders(key: MessageKey): string[] {
  return [...defaultMessages[key].matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/**
 * The operator's overrides (assets/messages.private.json) over the defaults. A sentence with a
 * placeholder its message never fills ({teem}) would be spoken literally to callers, so it is
 * refused, named, and the default text used. A value may also be the https URL of a recording.
 */
export function parseMessages(overrides: unknown, file: string): ParsedMessages {
  const messages: Messages = { ...defaultMessages };
  const problems: ConfigProblem[] = [];
  const complain = (where: string, message: string): void => {
    problems.push({ variable: where ? `${file} ${where}` : file, message, severity: 'warning' });
  };
  if (!isRecord(overrides)) {
    complain('', 'must be a JSON object of message names to sentences (or recording URLs). Using the defaults.');
    return { messages, problems };
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (!isMessageKey(key)) {
      complain(key, 'is not a message name (docs/configuration.md lists them). Ignored.');
      continue;
    }
    if (key === FIXED_MESSAGE) {
      complain(
        key,
        "is said only to requests that fail Twilio's signature check, before any file is read, so it cannot be changed. Ignored.",
      );
      continue;
    }
    const refusal = refusalOf(key, value);
    if (refusal) complain(key, `${refusal} Using the default text.`);
    else messages[key] = (value as string).trim();
  }
  return { messages, problems };
}

function refusalOf(key: MessageKey, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a sentence or an https URL.';
  const text = value.trim();
  if (/^[a-z]+:\/\//i.test(text)) return isRecordingUrl(text) ? undefined : `"${text}" is not an https URL.`;
  const allowed = allowedPlaceholders(key);
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return undefined;
  const known = allowed.length > 0 ? `it may use ${allowed.map((name) => `{${name}}`).join(', ')}` : 'it has none';
  return `has the placeholder ${unknown.map((name) => `{${name}}`).join(', ')}, which this message never fills (${known}).`;
}
