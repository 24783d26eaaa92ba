// The command that puts a number's voice settings back as they were: this same command with one
// flag per field, quoted for a POSIX shell.
import { FIELD_INFO, VOICE_FIELDS, type NumberVoiceSettings } from './voice-fields';

export const COMMAND = ['npm', 'run', 'connect-number', '--'];

export function restoreArgs(before: NumberVoiceSettings): string[] {
  const args = ['--number', before.phoneNumber];
  for (const field of VOICE_FIELDS) {
    const { flag, kind } = FIELD_INFO[field];
    // A method Twilio never reported has nothing to go back to, and "" is no method.
    if (kind === 'method' && before[field] === '') continue;
    args.push(`--${flag}`, before[field]);
  }
  return args;
}

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function restoreCommand(before: NumberVoiceSettings): string {
  return [...COMMAND, ...restoreArgs(before)].map(shellQuote).join(' ');
}
