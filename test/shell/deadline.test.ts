import { withDeadline } from '../../functions/lib/shell/deadline';

describe('withDeadline', () => {
  it('resolves with the work when it finishes in time, without aborting it', async () => {
    let signalSeen: AbortSignal | undefined;
    const value = await withDeadline(200, 'quick work', async (signal) => {
      signalSeen = signal;
      return 42;
    });
    expect(value).toBe(42);
    expect(signalSeen?.aborted).toBe(false);
  });

  it('rejects with the work’s own error when it fails in time', async () => {
    await expect(
      withDeadline(200, 'failing work', async () => {
        throw new Error('provider said no');
      }),
    ).rejects.toThrow('provider said no');
  });

  it('gives up at the deadline even when the work ignores the signal, naming the work', async () => {
    const started = Date.now();
    const never = new Promise<string>(() => undefined);
    await expect(withDeadline(50, 'on-call lookup for Platform', () => never)).rejects.toThrow(
      'on-call lookup for Platform took longer than 50 ms',
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(500);
  });

  it('aborts the signal it handed the work when time runs out', async () => {
    let signalSeen: AbortSignal | undefined;
    await expect(
      withDeadline(30, 'slow work', (signal) => {
        signalSeen = signal;
        return new Promise<void>((resolve) => setTimeout(resolve, 300));
      }),
    ).rejects.toThrow(/took longer/);
    expect(signalSeen?.aborted).toBe(true);
  });

  it('lets work that honours the signal stop early', async () => {
    const result = withDeadline(30, 'polite work', (signal) => {
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => resolve('too late'), 1000);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted by signal'));
        });
      });
    });
    // Either rejection wins the race; what matters is that nothing waits a second.
    const started = Date.now();
    await expect(result).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('clears its timer once the work is done, so no late abort fires', async () => {
    jest.useFakeTimers();
    try {
      let signalSeen: AbortSignal | undefined;
      await withDeadline(1000, 'work', async (signal) => {
        signalSeen = signal;
        return 'done';
      });
      expect(jest.getTimerCount()).toBe(0);
      jest.advanceTimersByTime(2000);
      expect(signalSeen?.aborted).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
