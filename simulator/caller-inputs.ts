// The caller's scripted answers, with an optional fallback (the CLI's keyboard prompt)
// for when the script runs dry.
import type { CallerInput } from './call-script';

export interface InputPrompt {
  /** What the Gather listens for. */
  inputKinds: Array<'dtmf' | 'speech'>;
  numDigits?: number;
  finishOnKey: string;
  timeoutSeconds: number;
}

/** Returns the caller's next input, or null for silence. */
export type InteractiveInput = (prompt: InputPrompt) => Promise<CallerInput | null>;

export class CallerInputQueue {
  private next = 0;

  constructor(
    private readonly inputs: readonly CallerInput[],
    private readonly interactive?: InteractiveInput,
  ) {}

  /** null means the script had nothing left and nobody typed anything: silence. */
  async take(prompt: InputPrompt): Promise<{ input: CallerInput; source: 'script' | 'interactive' } | null> {
    const scripted = this.inputs[this.next];
    if (scripted !== undefined) {
      this.next += 1;
      return { input: scripted, source: 'script' };
    }
    if (!this.interactive) return null;
    const typed = await this.interactive(prompt);
    return typed === null ? null : { input: typed, source: 'interactive' };
  }
}
