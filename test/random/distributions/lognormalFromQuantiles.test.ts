import { describe, expect, it } from 'vitest';
import { lognormalFromQuantiles } from '../../../src/random/distributions/lognormalFromQuantiles.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

describe('lognormalFromQuantiles', () => {
  it('reproduces the two quantiles it was given', () => {
    const d = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    expect(d.kind).toBe('lognormal');
    expect(d.quantile(0.99)).toBeCloseTo(40, 10);
    expect(d.quantile(0.5)).toBeCloseTo(8, 12);
    const e = lognormalFromQuantiles(0.9, 100, 0.999, 300);
    expect(e.quantile(0.9)).toBeCloseTo(100, 10);
    expect(e.quantile(0.999)).toBeCloseTo(300, 10);
  });

  it('has sigma = ln(x2/x1) / (z2 - z1)', () => {
    const d = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    const sigma = Math.log(5) / 2.326347874040841;
    expect(d.mean).toBeCloseTo(8 * Math.exp(0.5 * sigma * sigma), 10);
  });

  it('its samples reproduce the quantiles', () => {
    const d = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    const check = expectSamplesMatch(d, createStream('test-seed', 'lognormalFromQuantiles'));
    expect(check.quantileZ.get(0.99)).toBeLessThan(4);
  });

  it('rejects inconsistent percentiles, naming them', () => {
    expect(() => lognormalFromQuantiles(0.5, 40, 0.99, 8)).toThrow(
      'lognormal: p99 must be greater than p50',
    );
    expect(() => lognormalFromQuantiles(0.5, 8, 0.999, 8)).toThrow(
      'lognormal: p99.9 must be greater than p50',
    );
    expect(() => lognormalFromQuantiles(0.5, -3, 0.99, 8)).toThrow('lognormal: p50 must be > 0');
    expect(() => lognormalFromQuantiles(0.99, 8, 0.5, 40)).toThrow(
      'lognormal: quantile levels must increase (got p99 then p50)',
    );
    expect(() => lognormalFromQuantiles(0, 8, 0.5, 40)).toThrow(RangeError);
    expect(() => lognormalFromQuantiles(0.5, 8, 1, 40)).toThrow(RangeError);
    expect(() => lognormalFromQuantiles(0.5, 8, 0.99, Number.POSITIVE_INFINITY)).toThrow(
      RangeError,
    );
  });
});

describe('lognormalFromQuantiles, fitted once per four numbers', () => {
  it('gives each call a sampler of its own, the same as the first fit, past the bound of fits kept', () => {
    const first = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    // More distinct fits than are kept, so that the first is fitted again.
    for (let i = 1; i <= 1100; i++) lognormalFromQuantiles(0.5, 8, 0.99, 40 + i / 100);
    const again = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    const kept = lognormalFromQuantiles(0.5, 8, 0.99, 40);
    expect(again).not.toBe(first);
    expect(kept).not.toBe(again);
    for (const d of [again, kept]) {
      expect(d.mean).toBe(first.mean);
      for (const p of [0.01, 0.5, 0.99, 0.999]) expect(d.quantile(p)).toBe(first.quantile(p));
    }
    // A refusal is not remembered as a fit.
    expect(() => lognormalFromQuantiles(0.5, 40, 0.99, 8)).toThrow('p99 must be greater');
    expect(() => lognormalFromQuantiles(0.5, 40, 0.99, 8)).toThrow('p99 must be greater');
  });
});
