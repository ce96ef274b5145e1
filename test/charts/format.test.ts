import { describe, expect, it } from 'vitest';
import { cleanCdf, shareAbove } from '../../src/charts/cdf.ts';
import { formatMs, formatRatio, formatShare, formatUsd } from '../../src/charts/format.ts';
import { logTicks, powersOfTen } from '../../src/charts/logTicks.ts';

describe('formatMs', () => {
  it.each([
    [null, '–'],
    [0, '0 ms'],
    [0.25, '250 µs'],
    [12.345, '12.3 ms'],
    [999, '999 ms'],
    [1500, '1.5 s'],
    [61_000, '61 s'],
    [180_000, '3 min'],
    [750_000, '12.5 min'],
    [3_600_000, '1 h'],
    [Number.NaN, '–'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe('formatShare, formatRatio, formatUsd', () => {
  it('writes shares with digits where they matter', () => {
    expect(formatShare(0.07)).toBe('7%');
    expect(formatShare(0.0025)).toBe('0.25%');
    expect(formatShare(0.634)).toBe('63%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(3e-7)).toBe('under 0.01%');
    expect(formatShare(null)).toBe('–');
  });
  it('writes ratios and dollars', () => {
    expect(formatRatio(4.123)).toBe('4.1x');
    expect(formatRatio(337.2)).toBe('337x');
    expect(formatUsd(21.6)).toBe('$21.60');
    expect(formatUsd(1234.4)).toBe('$1,234');
    expect(formatUsd(0.0042)).toBe('$0.0042');
  });
});

describe('logTicks', () => {
  it('uses powers of ten over a wide range', () => {
    expect(logTicks([15, 840])).toEqual({
      domain: [10, 1000],
      values: [10, 20, 50, 100, 200, 500, 1000],
    });
    expect(logTicks([3, 12_000])).toEqual({
      domain: [1, 100_000],
      values: [1, 10, 100, 1000, 10_000, 100_000],
    });
  });
  it('keeps exact powers of ten as bounds', () => {
    expect(logTicks([1000, 10_000]).domain).toEqual([1000, 10_000]);
    expect(logTicks([0.001, 0.1]).values).toContain(0.001);
  });
  it('ignores nulls, zeros and negatives, and falls back without data', () => {
    expect(logTicks([0, -1, Number.NaN]).domain).toEqual([1, 1000]);
  });
  it('lists powers of ten exactly', () => {
    expect(powersOfTen(1e-5, 1)).toEqual([0.00001, 0.0001, 0.001, 0.01, 0.1, 1]);
  });
});

describe('reading a CDF', () => {
  const cdf: [number, number][] = [
    [0.5, 10],
    [0.9, 20],
    [0.99, 50],
  ];
  it('interpolates the share above a threshold', () => {
    expect(shareAbove(cdf, 20)).toBeCloseTo(0.1, 12);
    expect(shareAbove(cdf, 35)).toBeCloseTo(0.055, 12);
  });
  it('says nothing outside the stored percentiles', () => {
    expect(shareAbove(cdf, 5)).toBeNull();
    expect(shareAbove(cdf, 60)).toBeNull();
    expect(shareAbove([], 10)).toBeNull();
  });
  it('reads percentages as fractions and drops what a log axis cannot show', () => {
    expect(
      cleanCdf([
        [99, 50],
        [50, 10],
        [90, 0],
        [Number.NaN, 3],
      ]),
    ).toEqual([
      [0.5, 10],
      [0.99, 50],
    ]);
  });
});
