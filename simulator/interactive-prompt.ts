// Lets a person at the terminal play the caller once the script runs out of input.
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
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

export interface TerminalStreams {
  input: Readable;
  /** Prompts go to stderr by default so that --json output on stdout stays clean. */
  output: Writable;
}

/**
 * Asks for each input with the Gather's own deadline: Twilio takes silence for
 * `timeout` seconds as no input, so an unanswered prompt does too. Lines typed ahead
 * of a prompt are kept for it; once input closes (Ctrl+D) every prompt gets silence.
 */
export function terminalInput(streams: TerminalStreams = { input: process.stdin, output: process.stderr }): {
  ask: InteractiveInput;
  close: () => void;
} {
  const { output } = streams;
  const terminal = createInterface({ input: streams.input, output });
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

  /** The next line, or null once input is closed or `timeoutMs` passes with nothing typed. */
  const nextLine = (timeoutMs: number): Promise<{ line: string | null; timedOut: boolean }> => {
    const early = typedAhead.shift();
    if (early !== undefined) return Promise.resolve({ line: early, timedOut: false });
    if (closed) return Promise.resolve({ line: null, timedOut: false });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // A line typed after the deadline belongs to the next prompt.
        waiting = null;
        resolve({ line: null, timedOut: true });
      }, timeoutMs);
      waiting = (line) => {
        clearTimeout(timer);
        resolve({ line, timedOut: false });
      };
    });
  };

  return {
    ask: async (prompt) => {
      if (closed && typedAhead.length === 0) return null;
      output.write(`${describe(prompt)} keys, s:speech, h = hang up, Enter = silence > `);
      const { line, timedOut } = await nextLine(prompt.timeoutSeconds * 1000);
      if (timedOut) output.write(`(no input for ${prompt.timeoutSeconds} s)\n`);
      else if (line === null) output.write('\n');
      return line === null ? null : parseTypedInput(line);
    },
    close: () => terminal.close(),
  };
}
