import { describe, expect, it } from 'vitest';
import { cleanCdf, shareAbove } from '../../src/charts/cdf.ts';
import {
  formatMs,
  formatRatio,
  formatShare,
  formatUsd,
  msTickLabel,
} from '../../src/charts/format.ts';
import { logTicks, powersOfTen } from '../../src/charts/logTicks.ts';
import { timeAxis } from '../../src/charts/scales.ts';
import { wrap } from '../../src/charts/title.ts';

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

describe('msTickLabel', () => {
  it.each([
    [0, '0'],
    [0.5, '500 µs'],
    [20, '20 ms'],
    [1500, '1.5 s'],
    [100_000, '100 s'],
    [120_000, '2 min'],
    [660_000, '11 min'],
    [3_600_000, '1 h'],
    [5_400_000, '90 min'],
  ])('%s ms -> %s, as the axes draw it', (ms, text) => {
    expect(msTickLabel(ms)).toBe(text);
  });
});

describe('timeAxis', () => {
  it('keeps one unit and round steps', () => {
    expect(timeAxis(180_000)).toMatchObject({
      unit: { name: 's' },
      values: [0, 30_000, 60_000, 90_000, 120_000, 150_000, 180_000],
    });
    expect(timeAxis(90_000).values).toEqual([0, 15_000, 30_000, 45_000, 60_000, 75_000, 90_000]);
    expect(timeAxis(3_600_000).unit.name).toBe('min');
    expect(timeAxis(3_600_000).values.at(-1)).toBe(3_600_000);
    expect(timeAxis(48 * 3_600_000).unit.name).toBe('h');
  });
});

describe('wrap', () => {
  it('breaks at words, within the width', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('short', 72)).toEqual(['short']);
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
