import { describe, expect, it } from 'vitest';
import { ConstantArrivals } from '../../../src/workload/arrivals/index.ts';

function collect(process: ConstantArrivals, from = 0, limit = 1_000_000): number[] {
  const times: number[] = [];
  for (let t = process.next(from); t < Infinity && times.length < limit; t = process.next(t)) {
    times.push(t);
  }
  return times;
}

describe('ConstantArrivals', () => {
  it('spaces arrivals exactly 1000 / rate ms apart from start + phase', () => {
    const times = collect(new ConstantArrivals(4, { start: 1000, phase: 100, end: 3000 }));
    expect(times).toEqual([1100, 1350, 1600, 1850, 2100, 2350, 2600, 2850]);
  });

  it('starts at time 0 by default, end exclusive', () => {
    expect(collect(new ConstantArrivals(1, { end: 3000 }))).toEqual([0, 1000, 2000]);
  });

  it('does not accumulate rounding over many arrivals', () => {
    const times = collect(new ConstantArrivals(3, { end: 1_000_000_000 }), 0, 3_000_000);
    expect(times).toHaveLength(3_000_000);
    expect(times[2_999_999]).toBe((2_999_999 * 1000) / 3);
  });

  it('skips arrivals before a late first call', () => {
    const p = new ConstantArrivals(10);
    expect(p.next(1050)).toBe(1100);
    expect(p.next(1100)).toBe(1200);
  });

  it('rejects bad parameters', () => {
    expect(() => new ConstantArrivals(0)).toThrow(
      'ConstantArrivals: perSecond must be > 0 (got 0)',
    );
    expect(() => new ConstantArrivals(1, { phase: -1 })).toThrow(
      'ConstantArrivals: phase must be >= 0 (got -1)',
    );
  });
});
