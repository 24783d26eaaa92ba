/** The time given ran out: trying again, with time of its own, may well succeed. */
export class DeadlineError extends Error {
  readonly retryable = true;

  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

/**
 * Runs `work` with an AbortSignal that fires after `ms`, and gives up waiting at that moment
 * even if `work` ignores the signal: a webhook must answer Twilio in time whatever a provider does.
 */
export async function withDeadline<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError(`${what} took longer than ${Math.round(ms)} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
