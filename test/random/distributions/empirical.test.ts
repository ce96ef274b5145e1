import { describe, expect, it } from 'vitest';
import { empirical } from '../../../src/random/distributions/empirical.ts';
import { createStream } from '../../../src/random/streams.ts';
import {
  checkSamples,
  drawSorted,
  expectSamplesMatch,
  KS_CRITICAL_SQRT_N,
  leftLimit,
} from '../ks.ts';

// A full table, from p0 to p100.
const FULL: [number, number][] = [
  [0, 2],
  [0.5, 8],
  [0.9, 20],
  [0.99, 40],
  [1, 60],
];

describe('empirical', () => {
  it('matches its mean, quantiles and CDF in 100k samples (full table)', () => {
    expectSamplesMatch(empirical(FULL), createStream('test-seed', 'empirical'));
  });

  it('is caught by the KS test when a point is moved', () => {
    const sorted = drawSorted(empirical(FULL), createStream('test-seed', 'empirical-wrong'));
    const moved = empirical([
      [0, 2],
      [0.5, 8.4],
      [0.9, 20],
      [0.99, 40],
      [1, 60],
    ]);
    expect(checkSamples(sorted, moved).ksScaled).toBeGreaterThan(KS_CRITICAL_SQRT_N);
  });

  it('interpolates the quantile linearly and inverts it in the CDF', () => {
    const d = empirical(FULL);
    expect(d.kind).toBe('empirical');
    expect(d.quantile(0)).toBe(2);
    expect(d.quantile(0.25)).toBe(5);
    expect(d.quantile(0.5)).toBe(8);
    expect(d.quantile(0.95)).toBeCloseTo(20 + (20 * 0.05) / 0.09, 12);
    expect(d.quantile(1)).toBe(60);
    expect(d.cdf(1.9)).toBe(0);
    expect(d.cdf(5)).toBe(0.25);
    expect(d.cdf(60)).toBe(1);
    for (const x of [2.5, 8, 13, 39, 55]) expect(d.quantile(d.cdf(x))).toBeCloseTo(x, 12);
    // The trapezoid integral of the quantile function.
    const mean = 0.5 * 5 + 0.4 * 14 + 0.09 * 30 + 0.01 * 50;
    expect(d.mean).toBeCloseTo(mean, 12);
  });

  it('clamps missing tails into point masses at the end values', () => {
    const d = empirical([
      [0.5, 8],
      [0.99, 40],
    ]);
    // Half the mass exactly at 8, 1% exactly at 40, never beyond.
    expect(d.quantile(0)).toBe(8);
    expect(d.quantile(0.3)).toBe(8);
    expect(d.quantile(0.5)).toBe(8);
    expect(d.quantile(0.995)).toBe(40);
    expect(d.quantile(1)).toBe(40);
    expect(d.cdf(7.99)).toBe(0);
    expect(d.cdf(8)).toBe(0.5);
    expect(d.cdf(39.99)).toBeLessThan(0.99);
    expect(d.cdf(40)).toBe(1);
    expect(d.mean).toBeCloseTo(0.5 * 8 + 0.49 * 24 + 0.01 * 40, 12);
    expect(d.sample(() => 0.1)).toBe(8);
    expect(d.sample(() => 1 - 2 ** -53)).toBe(40);
    expectSamplesMatch(d, createStream('test-seed', 'empirical-clamped'), {
      cdfBefore: leftLimit((x) => d.cdf(x)),
    });
  });

  it('treats repeated values as an atom with a right-continuous CDF', () => {
    const d = empirical([
      [0, 1],
      [0.3, 5],
      [0.6, 5],
      [1, 10],
    ]);
    expect(d.cdf(5)).toBe(0.6);
    expect(d.cdf(5 - 1e-9)).toBeCloseTo(0.3, 8);
    expect(d.quantile(0.3)).toBe(5);
    expect(d.quantile(0.45)).toBe(5);
    expect(d.quantile(0.6)).toBe(5);
    expect(d.quantile(0.7)).toBeCloseTo(6.25, 12);
    expect(d.mean).toBeCloseTo(0.3 * 3 + 0.3 * 5 + 0.4 * 7.5, 12);
    // The smallest x with cdf(x) >= p, for p inside the jump.
    for (const p of [0.31, 0.5, 0.6]) expect(d.quantile(p)).toBe(5);
    expectSamplesMatch(d, createStream('test-seed', 'empirical-atom'), {
      cdfBefore: leftLimit((x) => d.cdf(x)),
      levels: [0.1, 0.45, 0.5, 0.9, 0.99],
    });
  });

  it('rejects malformed tables', () => {
    expect(() => empirical([[0.5, 8]])).toThrow('empirical: needs at least two points (got 1)');
    expect(() =>
      empirical([
        [0.5, 8],
        [0.5, 9],
      ]),
    ).toThrow('empirical: p must be strictly increasing');
    expect(() =>
      empirical([
        [0.9, 8],
        [0.5, 9],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      empirical([
        [0.5, 8],
        [1.2, 9],
      ]),
    ).toThrow('empirical: p must be in [0, 1] (got 1.2 at point 1)');
    expect(() =>
      empirical([
        [0.5, 8],
        [0.9, 7],
      ]),
    ).toThrow('empirical: values must be non-decreasing (got 7 after 8 at point 1)');
    expect(() =>
      empirical([
        [0.5, Number.NaN],
        [0.9, 7],
      ]),
    ).toThrow('empirical: values must be finite');
  });
});
