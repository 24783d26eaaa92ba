import fc from 'fast-check';
import { sequentialRoundTrips, startedWithin, type RequestSpan } from '../../bench/round-trips';

const span = (startMs: number, endMs: number | null): RequestSpan => ({ startMs, endMs });

describe('sequentialRoundTrips', () => {
  it('is 0 without requests and 1 for one', () => {
    expect(sequentialRoundTrips([])).toBe(0);
    expect(sequentialRoundTrips([span(10, 20)])).toBe(1);
  });

  it('counts four schedule steps at once, then three phones at once, as 2', () => {
    // Shaped like a cold runtime's view: sent within a millisecond, answered a few later.
    const schedule = [span(75.0, 77.7), span(75.5, 79.9), span(75.8, 80.9), span(76.3, 82.1)];
    const phones = [span(88.0, 89.6), span(88.4, 90.9), span(88.5, 91.6)];
    expect(sequentialRoundTrips([...schedule, ...phones])).toBe(2);
  });

  it('counts requests that never overlapped one by one, however they were meant', () => {
    // The mock's view of the same lookup when it answers at once: each request over before the next arrives.
    const arrivals = [span(75.4, 77.5), span(78.6, 79.7), span(80.2, 80.7), span(81.0, 81.5), span(88.4, 89.4)];
    expect(sequentialRoundTrips(arrivals)).toBe(5);
  });

  it('takes the longest chain, not the first one found', () => {
    const long = [span(0, 10), span(10, 20), span(20, 30)];
    const short = [span(1, 29)];
    expect(sequentialRoundTrips([...short, ...long])).toBe(3);
  });

  it('chains a request sent the moment the previous answer came', () => {
    expect(sequentialRoundTrips([span(0, 5), span(5, 9)])).toBe(2);
    expect(sequentialRoundTrips([span(5, 9), span(5, 5)])).toBe(2);
  });

  it('lets nothing follow a request that never ended', () => {
    expect(sequentialRoundTrips([span(0, null), span(50, 60)])).toBe(1);
    expect(sequentialRoundTrips([span(0, 5), span(6, null), span(100, 110)])).toBe(2);
  });

  it('does not depend on the order of its input', () => {
    const spans = [span(30, 40), span(0, 10), span(12, 20), span(1, 11)];
    expect(sequentialRoundTrips(spans)).toBe(3);
    expect(sequentialRoundTrips([...spans].reverse())).toBe(3);
  });

  it('is the number of waves when each wave is sent after the one before is answered', () => {
    const waves = fc.array(
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true })), {
        minLength: 1,
        maxLength: 6,
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(waves, (shape) => {
        const spans: RequestSpan[] = [];
        let waveStart = 0;
        for (const wave of shape) {
          // Every request of a wave is sent within 1 ms and lasts at least 1 ms: they all overlap.
          const wavesSpans = wave.map(([delay, length]) => span(waveStart + delay, waveStart + 1 + length));
          spans.push(...wavesSpans);
          waveStart = Math.max(...wavesSpans.map((s) => s.endMs as number)) + 0.5;
        }
        expect(sequentialRoundTrips(spans)).toBe(shape.length);
      }),
    );
  });
});

describe('startedWithin', () => {
  it('keeps the spans that started inside the window, both ends included', () => {
    const spans = [span(9, 12), span(10, 30), span(20, null), span(30, 31), span(31, 32)];
    expect(startedWithin(spans, { startMs: 10, endMs: 30 })).toEqual([span(10, 30), span(20, null), span(30, 31)]);
  });
});
