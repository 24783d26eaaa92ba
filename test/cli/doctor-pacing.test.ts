// The doctor's share of a provider's per-minute limit: a third, and waits measured from the
// requests already made in the rolling minute.
import { allowanceOf, msUntilRoom, waitBefore } from '../../cli/doctor/pacing';

const NOW = 1_000_000;

describe('allowanceOf', () => {
  it('is a third of the documented limit, rounded down, and at least one', () => {
    expect(allowanceOf('schedule', 15).allowedPerMinute).toBe(5);
    expect(allowanceOf('policies', 1).allowedPerMinute).toBe(1);
    expect(allowanceOf('rest', 960).allowedPerMinute).toBe(320);
  });
});

describe('msUntilRoom', () => {
  it('is 0 while the cost fits', () => {
    expect(msUntilRoom([], 5, 4, NOW)).toBe(0);
    expect(msUntilRoom([NOW - 1000], 5, 4, NOW)).toBe(0);
  });

  it('waits until enough of the oldest requests are a minute old', () => {
    // Four spent 10 s ago and one 5 s ago: four more need the four oldest gone, in 50 s.
    const times = [NOW - 5000, NOW - 10_000, NOW - 10_000, NOW - 10_000, NOW - 10_000];
    expect(msUntilRoom(times, 5, 4, NOW)).toBe(50_000);
    // One more needs only the oldest gone.
    expect(msUntilRoom(times, 5, 1, NOW)).toBe(50_000);
    expect(msUntilRoom([NOW - 5000, NOW - 20_000], 2, 1, NOW)).toBe(40_000);
  });

  it('forgets requests older than a minute', () => {
    expect(msUntilRoom([NOW - 60_000, NOW - 70_000, NOW - 61_000], 2, 2, NOW)).toBe(0);
  });

  it('waits for an empty minute when the cost is over the allowance', () => {
    expect(msUntilRoom([NOW - 30_000], 5, 9, NOW)).toBe(30_000);
    expect(msUntilRoom([], 5, 9, NOW)).toBe(0);
  });
});

describe('waitBefore', () => {
  it('takes the longest wait and names the endpoint behind it', () => {
    const schedule = allowanceOf('on-call schedule', 15);
    const phones = allowanceOf('contact phones', 15);
    const wait = waitBefore(
      [
        { allowance: schedule, requestTimes: [NOW - 20_000, NOW - 20_000, NOW - 20_000, NOW - 20_000], cost: 4 },
        { allowance: phones, requestTimes: [NOW - 19_000, NOW - 19_000], cost: 5 },
      ],
      NOW,
    );
    expect(wait).toEqual({ ms: 41_000, allowance: phones });
  });

  it('is undefined when every cost fits', () => {
    expect(waitBefore([{ allowance: allowanceOf('team list', 15), requestTimes: [], cost: 1 }], NOW)).toBeUndefined();
  });
});
