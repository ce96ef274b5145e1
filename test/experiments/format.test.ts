import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent } from '../../src/experiments/format.ts';

describe('formatMs (the command line tables)', () => {
  it.each([
    [null, '-'],
    [0, '0 ms'],
    [0.25, '250 us'],
    [12.345, '12.3 ms'],
    [1500, '1.50 s'],
    [750_000, '12.5 min'],
    [3_540_000, '59.0 min'],
    [3_600_000, '1.00 h'],
    // A warm-up check's truncation point of 2,016 minutes.
    [2016 * 60_000, '33.6 h'],
    [Number.POSITIVE_INFINITY, '-'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe('formatPercent', () => {
  it('keeps digits where they matter', () => {
    expect(formatPercent(0.996)).toBe('99.6%');
    expect(formatPercent(0.0004)).toBe('0.040%');
    expect(formatPercent(null)).toBe('-');
  });
});
