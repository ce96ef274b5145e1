import { describe, expect, it } from 'vitest';
import { TimestampArrivals } from '../../../src/workload/arrivals/index.ts';

describe('TimestampArrivals', () => {
  it('replays the given times exactly, duplicates included', () => {
    const given = Float64Array.from([0, 12.5, 12.5, 40, 1e9]);
    const p = new TimestampArrivals(given);
    const got: number[] = [];
    for (let t = p.next(0); t < Infinity; t = p.next(t)) got.push(t);
    expect(got).toEqual([0, 12.5, 12.5, 40, 1e9]);
    expect(p.next(0)).toBe(Infinity);
  });

  it('skips times before a late first call', () => {
    const p = new TimestampArrivals(Float64Array.from([1, 2, 3, 4]));
    expect(p.next(2.5)).toBe(3);
    expect(p.next(3)).toBe(4);
  });

  it('rejects unsorted or non-finite times', () => {
    expect(() => new TimestampArrivals(Float64Array.from([1, 3, 2]))).toThrow(
      'TimestampArrivals: times must be sorted ascending (times[1] = 3, times[2] = 2)',
    );
    expect(() => new TimestampArrivals(Float64Array.from([1, Number.NaN]))).toThrow(
      'TimestampArrivals: times[1] must be finite (got NaN)',
    );
  });
});
