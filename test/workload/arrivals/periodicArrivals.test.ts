import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/random/streams.ts';
import { PeriodicArrivals } from '../../../src/workload/arrivals/index.ts';

function collect(process: PeriodicArrivals, from = 0): number[] {
  const times: number[] = [];
  for (let t = process.next(from); t < Infinity; t = process.next(t)) times.push(t);
  return times;
}

describe('PeriodicArrivals', () => {
  it('pings exactly every period from start', () => {
    const times = collect(new PeriodicArrivals(300_000, { start: 60_000, end: 1_500_000 }));
    expect(times).toEqual([60_000, 360_000, 660_000, 960_000, 1_260_000]);
  });

  it('adds one-sided jitter within the period, in order, deterministically', () => {
    const make = () =>
      new PeriodicArrivals(1000, { end: 100_000, jitterMs: 200 }, createStream(4, 'warmer'));
    const times = collect(make());
    expect(times).toHaveLength(100);
    times.forEach((t, k) => {
      expect(t).toBeGreaterThanOrEqual(k * 1000);
      expect(t).toBeLessThan(k * 1000 + 200);
    });
    expect(new Set(times.map((t) => t % 1000)).size).toBe(100);
    expect(collect(make())).toEqual(times);
  });

  it('skips periods before a late first call', () => {
    const p = new PeriodicArrivals(1000);
    expect(p.next(2500)).toBe(3000);
    expect(p.next(3000)).toBe(4000);
  });

  it('rejects jitter larger than the period or without a random stream', () => {
    expect(() => new PeriodicArrivals(1000, { jitterMs: 1001 }, createStream(4, 'x'))).toThrow(
      'PeriodicArrivals: jitterMs must be <= periodMs (got jitterMs 1001, periodMs 1000)',
    );
    expect(() => new PeriodicArrivals(1000, { jitterMs: 10 })).toThrow(
      'PeriodicArrivals: jitterMs > 0 needs a random stream',
    );
  });
});
