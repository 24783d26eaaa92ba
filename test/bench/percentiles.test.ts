import { median, percentile, rangeOf, spreadOf } from '../../bench/percentiles';

describe('percentile (nearest rank)', () => {
  const thirty = Array.from({ length: 30 }, (_, i) => 30 - i); // 30 … 1, unsorted on purpose

  it('reports a measured value', () => {
    expect(percentile(thirty, 50)).toBe(15);
    expect(percentile(thirty, 90)).toBe(27);
    expect(percentile(thirty, 99)).toBe(30);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is null for no values and refuses a p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 0)).toThrow('p must be above 0 and at most 100; got 0');
    expect(() => percentile([1], 101)).toThrow(/got 101/);
  });

  it('leaves its input alone', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median, spreadOf and rangeOf', () => {
  it('summarise values', () => {
    expect(median([5, 1, 9, 7, 3, 2, 8])).toBe(5);
    expect(spreadOf([10, 20, 30])).toEqual({ p50: 20, p99: 30 });
    expect(rangeOf([2, 1, 2])).toEqual({ min: 1, max: 2 });
  });

  it('are null without values', () => {
    expect(median([])).toBeNull();
    expect(spreadOf([])).toBeNull();
    expect(rangeOf([])).toBeNull();
  });
});
