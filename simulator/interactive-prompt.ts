// Lets a person at the terminal play the caller once the script runs out of input.
import { createInterface } from 'node:readline/promises';
import type { CallerInput } from './call-script';
import type { InputPrompt, InteractiveInput } from './caller-inputs';

function describe(prompt: InputPrompt): string {
  const accepts = prompt.inputKinds.join(' or ');
  const digits = prompt.numDigits ? `, ${prompt.numDigits} digit(s)` : '';
  return `[Gather: ${accepts}${digits}, timeout ${prompt.timeoutSeconds} s]`;
}

/** Interprets a typed line: keys, "s:words" for speech, "h" to hang up, empty for silence. */
export function parseTypedInput(line: string): CallerInput | null {
  const text = line.trim();
  if (text === '') return null;
  if (text === 'h' || text === 'hangup') return { hangUp: true };
  if (text.startsWith('s:')) return { speech: text.slice(2).trim() };
  if (/^[0-9*#]+$/.test(text)) return { digits: text };
  return { speech: text };
}

/**
 * Prompts on stderr so that --json output on stdout stays clean. Lines typed ahead of
 * a prompt are kept for it; once input closes (Ctrl+D) every prompt gets silence.
 */
export function terminalInput(): { ask: InteractiveInput; close: () => void } {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  const typedAhead: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let closed = false;
  terminal.on('line', (line) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(line);
    } else {
      typedAhead.push(line);
    }
  });
  terminal.on('close', () => {
    closed = true;
    waiting?.(null);
    waiting = null;
  });
  const nextLine = (): Promise<string | null> => {
    const early = typedAhead.shift();
    if (early !== undefined) return Promise.resolve(early);
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      waiting = resolve;
    });
  };
  return {
    ask: async (prompt) => {
      if (closed && typedAhead.length === 0) return null;
      process.stderr.write(`${describe(prompt)} keys, s:speech, h = hang up, Enter = silence > `);
      const line = await nextLine();
      if (line === null) process.stderr.write('\n');
      return line === null ? null : parseTypedInput(line);
    },
    close: () => terminal.close(),
  };
}
