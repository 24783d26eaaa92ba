// Time as the doctor sees it, passed in so that tests can wait a minute in no time.

export interface Clock {
  /** Epoch milliseconds, comparable with Date.now(): the adapters' rate budgets are kept in it. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
