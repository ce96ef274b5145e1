import { describe, expect, it } from 'vitest';
import type { Rng } from '../../../src/random/rng.ts';
import { createStream } from '../../../src/random/streams.ts';
import type { ArrivalProcess } from '../../../src/workload/arrivals/index.ts';
import {
  burstRate,
  dailyCycle,
  onOffRate,
  piecewiseRate,
  RateFunctionArrivals,
} from '../../../src/workload/arrivals/index.ts';

function collect(process: ArrivalProcess, from = 0): number[] {
  const times: number[] = [];
  for (let t = process.next(from); t < Infinity; t = process.next(t)) times.push(t);
  return times;
}

function countIn(times: number[], from: number, to: number): number {
  return times.filter((t) => t >= from && t < to).length;
}

/** An Rng that counts its draws, to measure how much thinning costs. */
function counting(rng: Rng): { rng: Rng; draws: () => number } {
  let n = 0;
  return {
    rng: () => {
      n++;
      return rng();
    },
    draws: () => n,
  };
}

const YEAR_MS = 365 * 86_400_000;

describe('RateFunctionArrivals with burstRate', () => {
  it('puts 2000 +- 4 sd arrivals in a 1 s burst from 0 to 2000/s, and none outside', () => {
    const shape = burstRate({ base: 0, peak: 2000, at: 10_000, duration: 1000 });
    const times = collect(RateFunctionArrivals.fromShape(shape, createStream(5, 'burst')));
    expect(Math.abs(times.length - 2000)).toBeLessThan(4 * Math.sqrt(2000));
    expect(countIn(times, 10_000, 11_000)).toBe(times.length);
  });

  it('costs draws in proportion to arrivals, not to the time before the burst', () => {
    const shape = burstRate({ base: 0, peak: 2000, at: YEAR_MS, duration: 1000 });
    const { rng, draws } = counting(createStream(5, 'burst-late'));
    const times = collect(RateFunctionArrivals.fromShape(shape, rng));
    expect(times.length).toBeGreaterThan(1800);
    expect(times.every((t) => t >= YEAR_MS && t < YEAR_MS + 1000)).toBe(true);
    // One draw for the candidate and one for the acceptance of each, plus the one that ends it.
    expect(draws()).toBe(2 * times.length + 1);
  });

  it('gives the same statistics with a plain rate function and a global maximum', () => {
    const rate = (t: number) => (t >= 10_000 && t < 11_000 ? 2000 : 0);
    const p = new RateFunctionArrivals(rate, 2000, createStream(5, 'plain'), { end: 20_000 });
    const times = collect(p);
    expect(Math.abs(times.length - 2000)).toBeLessThan(4 * Math.sqrt(2000));
    expect(countIn(times, 10_000, 11_000)).toBe(times.length);
  });

  it('keeps base arrivals before and after the burst', () => {
    const shape = burstRate({ base: 10, peak: 1000, at: 100_000, duration: 10_000 });
    const p = RateFunctionArrivals.fromShape(shape, createStream(6, 'burst-base'), {
      end: 300_000,
    });
    const times = collect(p);
    const before = countIn(times, 0, 100_000);
    const during = countIn(times, 100_000, 110_000);
    const after = countIn(times, 110_000, 300_000);
    expect(Math.abs(before - 1000)).toBeLessThan(4 * Math.sqrt(1000));
    expect(Math.abs(during - 10_000)).toBeLessThan(4 * Math.sqrt(10_000));
    expect(Math.abs(after - 1900)).toBeLessThan(4 * Math.sqrt(1900));
  });
});

describe('RateFunctionArrivals with piecewiseRate', () => {
  const shape = piecewiseRate([
    { at: 0, perSecond: 10 },
    { at: 100_000, perSecond: 100 },
    { at: 200_000, perSecond: 0 },
    { at: 300_000, perSecond: 30 },
  ]);

  it('holds each rate until the next point: counts per segment within 4 sd', () => {
    const times = collect(
      RateFunctionArrivals.fromShape(shape, createStream(7, 'steps'), { end: 400_000 }),
    );
    const segments: [number, number, number][] = [
      [0, 100_000, 1000],
      [100_000, 200_000, 10_000],
      [300_000, 400_000, 3000],
    ];
    for (const [from, to, expected] of segments) {
      expect(Math.abs(countIn(times, from, to) - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
    expect(countIn(times, 200_000, 300_000)).toBe(0);
    expect(times.every((t) => t < 400_000)).toBe(true);
  });

  it('has rate 0 before the first point and the right bounds', () => {
    const late = piecewiseRate([{ at: 5000, perSecond: 7 }]);
    expect(late.rate(4999)).toBe(0);
    expect(late.bound(0)).toEqual({ max: 0, until: 5000 });
    expect(late.bound(5000)).toEqual({ max: 7, until: Infinity });
    expect(shape.bound(150_000)).toEqual({ max: 100, until: 200_000 });
    expect(shape.max).toBe(100);
  });

  it('rejects points out of order', () => {
    expect(() =>
      piecewiseRate([
        { at: 0, perSecond: 1 },
        { at: 0, perSecond: 2 },
      ]),
    ).toThrow('piecewiseRate: points must be in increasing order of at');
    expect(() => piecewiseRate([])).toThrow('piecewiseRate: needs at least one point');
  });
});

describe('RateFunctionArrivals with dailyCycle', () => {
  const mean = 1;
  const amplitude = 0.8;
  const hour = 3_600_000;
  const shape = dailyCycle({ mean, amplitude, peakAt: 6 * hour });
  const times = collect(
    RateFunctionArrivals.fromShape(shape, createStream(8, 'daily'), { end: 24 * hour }),
  );

  it('has more arrivals near the peak than near the trough', () => {
    const nearPeak = countIn(times, 5 * hour, 7 * hour);
    const nearTrough = countIn(times, 17 * hour, 19 * hour);
    expect(nearPeak).toBeGreaterThan(3 * nearTrough);
  });

  it('matches the integral of the rate in every hour within 4 sd', () => {
    const w = (2 * Math.PI) / (24 * hour);
    const integral = (t: number) =>
      (mean * (t + (amplitude * Math.sin(w * (t - 6 * hour))) / w)) / 1000;
    for (let h = 0; h < 24; h++) {
      const expected = integral((h + 1) * hour) - integral(h * hour);
      const got = countIn(times, h * hour, (h + 1) * hour);
      expect(Math.abs(got - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('bounds the rate on every segment', () => {
    for (let t = -hour; t < 30 * hour; t += 61_000) {
      const { max, until } = shape.bound(t);
      expect(until).toBeGreaterThan(t);
      for (let s = t; s < until; s += (until - t) / 17) {
        expect(shape.rate(s)).toBeLessThanOrEqual(max * (1 + 1e-12));
      }
    }
  });

  it('rejects an amplitude outside [0, 1]', () => {
    expect(() => dailyCycle({ mean: 1, amplitude: 1.5, peakAt: 0 })).toThrow(
      'dailyCycle: amplitude must be in [0, 1] (got 1.5)',
    );
  });
});

describe('RateFunctionArrivals with onOffRate', () => {
  it('has no arrivals while off, and on * time on while on', () => {
    const shape = onOffRate({ on: 500, onDuration: 2000, offDuration: 3000 });
    const times = collect(
      RateFunctionArrivals.fromShape(shape, createStream(9, 'onoff'), { end: 50_000 }),
    );
    for (const t of times) expect(t % 5000).toBeLessThan(2000);
    expect(Math.abs(times.length - 10_000)).toBeLessThan(4 * Math.sqrt(10_000));
  });

  it('can start with the off phase and a non-zero off rate', () => {
    const shape = onOffRate({
      on: 400,
      off: 20,
      onDuration: 1000,
      offDuration: 4000,
      startOn: false,
    });
    expect(shape.rate(0)).toBe(20);
    expect(shape.rate(4000)).toBe(400);
    expect(shape.bound(4500)).toEqual({ max: 400, until: 5000 });
    const times = collect(
      RateFunctionArrivals.fromShape(shape, createStream(9, 'offon'), { end: 100_000 }),
    );
    const on = times.filter((t) => t % 5000 >= 4000).length;
    const off = times.length - on;
    expect(Math.abs(on - 8000)).toBeLessThan(4 * Math.sqrt(8000));
    expect(Math.abs(off - 1600)).toBeLessThan(4 * Math.sqrt(1600));
  });
});

describe('RateFunctionArrivals', () => {
  it('throws when the rate exceeds its bound instead of silently thinning too much', () => {
    const p = new RateFunctionArrivals(() => 10, 5, createStream(10, 'bad'));
    expect(() => p.next(0)).toThrow(/rate at .* ms is 10\/s, outside \[0, 5\]/);
  });

  it('ends at once when the rate is zero everywhere, even for periodic shapes', () => {
    const zero = dailyCycle({ mean: 0, amplitude: 1, periodMs: 1000, peakAt: 0 });
    expect(RateFunctionArrivals.fromShape(zero, createStream(10, 'zero')).next(0)).toBe(Infinity);
    const silent = onOffRate({ on: 0, onDuration: 10, offDuration: 10 });
    expect(RateFunctionArrivals.fromShape(silent, createStream(10, 'zero')).next(0)).toBe(Infinity);
  });

  it('is deterministic at a fixed seed and respects start', () => {
    const make = () =>
      RateFunctionArrivals.fromShape(
        dailyCycle({ mean: 5, amplitude: 0.5, periodMs: 60_000, peakAt: 0 }),
        createStream(11, 'same'),
        { start: 30_000, end: 120_000 },
      );
    const times = collect(make());
    expect(times[0]).toBeGreaterThan(30_000);
    expect(collect(make())).toEqual(times);
  });
});
