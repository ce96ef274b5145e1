import { describe, expect, it } from 'vitest';
import { toHdrText } from '../../src/metrics/hdrText.ts';
import { Histogram } from '../../src/metrics/histogram.ts';
import { createStream } from '../../src/random/streams.ts';

const HEADER = '       Value     Percentile TotalCount 1/(1-Percentile)';
const ROW = /^ *(\d+\.\d{3}) (\d\.\d{12}) +(\d+)(?: +(\d+\.\d{2}))?$/;

function lognormalHistogram(n: number): Histogram {
  const rng = createStream('metrics-test', 'hdr');
  const h = new Histogram();
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    h.record(Math.exp(2 + z));
  }
  return h;
}

describe('toHdrText', () => {
  it('prints the layout of HdrHistogram outputPercentileDistribution', () => {
    const h = new Histogram();
    for (let v = 1; v <= 10; v++) h.record(v);
    const lines = toHdrText(h).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      HEADER,
      '',
      '       1.000 0.000000000000          1           1.00',
      '       1.000 0.100000000000          1           1.11',
      '       2.000 0.200000000000          2           1.25',
    ]);
    // Ticks halve the remaining distance: 5 per half (50, 55, ..., 75, 77.5, ...).
    expect(lines[7]).toBe('       5.001 0.500000000000          5           2.00');
    expect(lines[8]).toBe('       6.001 0.550000000000          6           2.22');
    expect(lines.slice(-5)).toEqual([
      '      10.000 1.000000000000         10',
      '#[Mean    =        5.500, StdDeviation   =        2.873]',
      '#[Max     =       10.000, Total count    =           10]',
      '#[Buckets =           40, SubBuckets     =         2048]',
      '',
    ]);
  });

  it('has monotone rows ending at 100% with the total count', () => {
    const h = lognormalHistogram(50_000);
    const lines = toHdrText(h).trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    const rows = lines.slice(2, -3).map((line) => {
      const m = ROW.exec(line);
      expect(m, line).not.toBeNull();
      return m!.slice(1, 4).map(Number);
    });
    expect(rows.length).toBeGreaterThan(50);
    for (let i = 1; i < rows.length; i++) {
      for (let c = 0; c < 3; c++) expect(rows[i][c]).toBeGreaterThanOrEqual(rows[i - 1][c]);
    }
    const last = rows[rows.length - 1];
    expect(last[1]).toBe(1);
    expect(last[2]).toBe(50_000);
    expect(last[0]).toBeCloseTo(h.max, 3);
    expect(lines.at(-2)).toMatch(/^#\[Max {5}= +\d+\.\d{3}, Total count {4}= +50000\]$/);
    expect(lines.at(-3)).toMatch(/^#\[Mean {4}= +\d+\.\d{3}, StdDeviation {3}= +\d+\.\d{3}\]$/);
  });

  it('scales values by unitRatio', () => {
    const h = new Histogram();
    h.record(1500);
    const text = toHdrText(h, { unitRatio: 1000 });
    expect(text).toContain('       1.500 1.000000000000          1\n');
    expect(text).toContain('#[Max     =        1.500,');
  });

  it('prints only the header and footer for an empty histogram', () => {
    const lines = toHdrText(new Histogram()).split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain('#[Max     =        0.000, Total count    =            0]');
    expect(lines.filter((l) => ROW.test(l))).toHaveLength(0);
  });
});
