import { PassThrough } from 'node:stream';
import type { InputPrompt } from '../../simulator';
import { terminalInput } from '../../simulator/interactive-prompt';

/** A Gather prompt with a short timeout, so that waiting it out takes milliseconds. */
const prompt = (timeoutSeconds: number): InputPrompt => ({ inputKinds: ['dtmf'], finishOnKey: '#', timeoutSeconds });

function fakeTerminal(): { input: PassThrough; output: PassThrough; written: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { input, output, written: () => written };
}

describe('terminalInput', () => {
  it('answers an unanswered prompt with silence once the Gather timeout has passed', async () => {
    const terminal = fakeTerminal();
    const { ask, close } = terminalInput(terminal);
    const started = Date.now();
    try {
      await expect(ask(prompt(0.1))).resolves.toBeNull();
    } finally {
      close();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(terminal.written()).toContain('(no input for 0.1 s)');
  });

  it('takes what is typed before the timeout', async () => {
    const terminal = fakeTerminal();
    const { ask, close } = terminalInput(terminal);
    try {
      const answer = ask(prompt(5));
      terminal.input.write('12#\n');
      await expect(answer).resolves.toEqual({ digits: '12#' });
    } finally {
      close();
    }
    expect(terminal.written()).not.toContain('no input');
  });

  it('keeps a line typed after a timeout for the next prompt', async () => {
    const terminal = fakeTerminal();
    const { ask, close } = terminalInput(terminal);
    try {
      await expect(ask(prompt(0.05))).resolves.toBeNull();
      terminal.input.write('s:database\n');
      await new Promise((resolve) => setImmediate(resolve));
      await expect(ask(prompt(0.05))).resolves.toEqual({ speech: 'database' });
    } finally {
      close();
    }
  });

  it('gives silence at once after input closes', async () => {
    const terminal = fakeTerminal();
    const { ask, close } = terminalInput(terminal);
    terminal.input.end();
    await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await expect(ask(prompt(5))).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    close();
  });
});
