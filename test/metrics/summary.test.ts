import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/metrics/histogram.ts';
import { PERCENTILES, summarize } from '../../src/metrics/summary.ts';

describe('summarize', () => {
  it('gives null for every statistic of an empty histogram, never NaN', () => {
    const s = summarize(new Histogram());
    expect(s).toEqual({
      count: 0,
      mean: null,
      p50: null,
      p90: null,
      p95: null,
      p99: null,
      p999: null,
      max: null,
    });
    expect(JSON.stringify(s)).not.toContain('NaN');
  });

  it('reports the histogram percentiles in the documented key order', () => {
    const h = new Histogram();
    for (let v = 1; v <= 1000; v++) h.record(v);
    const s = summarize(h);
    expect(Object.keys(s)).toEqual(['count', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);
    expect(s.count).toBe(1000);
    expect(s.mean).toBeCloseTo(500.5, 9);
    expect(s.max).toBe(1000);
    for (const [key, p] of PERCENTILES) {
      expect(s[key]).toBe(h.quantile(p));
      expect(Math.abs(s[key]! - p * 1000) / (p * 1000)).toBeLessThan(1e-3);
    }
  });

  it('lists the percentiles in increasing order', () => {
    expect(PERCENTILES.map(([k]) => k)).toEqual(['p50', 'p90', 'p95', 'p99', 'p999']);
    const ps = PERCENTILES.map(([, p]) => p);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
  });
});
