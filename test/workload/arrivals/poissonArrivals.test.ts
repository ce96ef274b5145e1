import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/random/streams.ts';
import type { ArrivalProcess } from '../../../src/workload/arrivals/index.ts';
import { PoissonArrivals } from '../../../src/workload/arrivals/index.ts';

function collect(process: ArrivalProcess, from = 0, limit = 10_000_000): number[] {
  const times: number[] = [];
  for (let t = process.next(from); t < Infinity && times.length < limit; t = process.next(t)) {
    times.push(t);
  }
  return times;
}

describe('PoissonArrivals', () => {
  const perSecond = 50;
  const seconds = 2000;
  const times = collect(
    new PoissonArrivals(perSecond, createStream(1, 'poisson'), { end: seconds * 1000 }),
  );

  it('produces rate * T arrivals within 4 sd', () => {
    const expected = perSecond * seconds;
    expect(Math.abs(times.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(times[times.length - 1]).toBeLessThan(seconds * 1000);
  });

  it('has exponential gaps with mean 1000 / rate ms (KS test)', () => {
    const gaps = Float64Array.from(times, (t, i) => t - (i === 0 ? 0 : times[i - 1])).sort();
    const n = gaps.length;
    expect(Math.abs(mean(Array.from(gaps)) - 1000 / perSecond)).toBeLessThan(
      (4 * (1000 / perSecond)) / Math.sqrt(n),
    );
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = -Math.expm1((-gaps[i] * perSecond) / 1000);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('is in increasing order and deterministic at a fixed seed', () => {
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
    const again = collect(
      new PoissonArrivals(perSecond, createStream(1, 'poisson'), { end: 5000 }),
    );
    expect(again).toEqual(times.filter((t) => t < 5000));
  });

  it('respects start and end and stays done', () => {
    const p = new PoissonArrivals(100, createStream(2, 'window'), { start: 10_000, end: 20_000 });
    const got = collect(p);
    expect(got.length).toBeGreaterThan(900);
    expect(got.every((t) => t > 10_000 && t < 20_000)).toBe(true);
    expect(p.next(0)).toBe(Infinity);
  });

  it('has no arrivals at rate 0 and rejects bad parameters', () => {
    expect(new PoissonArrivals(0, createStream(3, 'zero')).next(0)).toBe(Infinity);
    expect(() => new PoissonArrivals(-1, createStream(3, 'x'))).toThrow(
      'PoissonArrivals: perSecond must be >= 0 (got -1)',
    );
    expect(() => new PoissonArrivals(1, createStream(3, 'x'), { start: 5, end: 1 })).toThrow(
      'PoissonArrivals: end must be >= start (got start 5, end 1)',
    );
  });
});
