import { describe, expect, it } from 'vitest';
import {
  HIGHEST_TRACKABLE,
  Histogram,
  type HistogramJSON,
  LOWEST_DISCERNIBLE,
} from '../../src/metrics/histogram.ts';
import { createStream } from '../../src/random/streams.ts';

const PS = [
  0, 1e-6, 0.001, 0.01, 0.07, 0.1, 0.25, 0.29, 0.5, 0.57, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 1,
];

/** Exact nearest-rank percentile of sorted samples (tolerant of p * n landing just above an integer). */
function exactPercentile(sorted: Float64Array, p: number): number {
  if (p === 0) return sorted[0];
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length - 1e-7)));
  return sorted[rank - 1];
}

function normal(rng: () => number): number {
  // Box-Muller; 1 - u keeps the log finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function samples(name: string, n: number, draw: (rng: () => number) => number): Float64Array {
  const rng = createStream('metrics-test', name);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out;
}

function histogramOf(values: ArrayLike<number>): Histogram {
  const h = new Histogram();
  for (let i = 0; i < values.length; i++) h.record(values[i]);
  return h;
}

const SHAPES: [string, Float64Array][] = [
  // Log-uniform over 6 decades, from the lowest discernible value up.
  ['log-uniform 1us..1s', samples('loguniform', 100_000, (r) => 10 ** (r() * 6 - 3))],
  ['uniform 0..1e6 ms', samples('uniform', 100_000, (r) => r() * 1e6)],
  ['lognormal', samples('lognormal', 100_000, (r) => Math.exp(Math.log(8) + 0.9 * normal(r)))],
  ['heavy lognormal', samples('heavy', 50_000, (r) => Math.exp(2 + 2.5 * normal(r)))],
  ['three constants', samples('constants', 30_000, (r) => [5, 5.001, 120][Math.floor(r() * 3)])],
  ['single value', new Float64Array([42.4242])],
  ['constant below 1us', new Float64Array(1000).fill(0.0004)],
  ['zeros and values', samples('zeros', 20_000, (r) => (r() < 0.3 ? 0 : 1 + r() * 100))],
];

describe('Histogram percentiles', () => {
  for (const [name, values] of SHAPES) {
    it(`are within 0.1% of the exact nearest-rank percentiles: ${name}`, () => {
      const h = histogramOf(values);
      const sorted = values.slice().sort();
      let worst = 0;
      for (const p of PS) {
        const exact = exactPercentile(sorted, p);
        const got = h.quantile(p);
        if (exact === 0) {
          expect(got).toBe(0);
          continue;
        }
        const rel = Math.abs(got - exact) / exact;
        worst = Math.max(worst, rel);
        expect(rel, `p=${p}: ${got} vs ${exact}`).toBeLessThanOrEqual(1e-3);
      }
      // Bucket midpoints are within half of 1/2048 of any value in the bucket.
      expect(worst).toBeLessThan(2.5e-4);
      expect(h.quantile(0)).toBe(sorted[0]);
      expect(h.quantile(1)).toBe(sorted[sorted.length - 1]);
    });
  }

  it('keeps count, min, max exactly and the mean to the nanosecond', () => {
    for (const [, values] of SHAPES) {
      const h = histogramOf(values);
      let sum = 0;
      for (const v of values) sum += v;
      expect(h.count).toBe(values.length);
      expect(h.min).toBe(Math.min(...values));
      expect(h.max).toBe(Math.max(...values));
      expect(Math.abs(h.mean - sum / values.length)).toBeLessThan(1e-6);
    }
  });

  it('puts values below 1 us in a zero bucket reported as the exact min', () => {
    const h = histogramOf([0.0002, 0.0005, 0.0009, 3]);
    expect(LOWEST_DISCERNIBLE).toBe(1e-3);
    expect(h.quantile(0.5)).toBe(0.0002);
    expect(h.quantile(0.75)).toBe(0.0002); // not told apart, but within 1 us
    expect(h.quantile(1)).toBe(3);
    expect(h.min).toBe(0.0002);
  });

  it('computes the standard deviation to within 0.1%', () => {
    const values = SHAPES[2][1];
    const h = histogramOf(values);
    let m = 0;
    for (const v of values) m += v;
    m /= values.length;
    let ss = 0;
    for (const v of values) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / values.length);
    expect(Math.abs(h.stdDev - sd) / sd).toBeLessThan(1e-3);
  });

  it('is NaN, not a number made up, when empty', () => {
    const h = new Histogram();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.mean).toBeNaN();
    expect(h.min).toBeNaN();
    expect(h.max).toBeNaN();
    expect(h.cdf(1)).toBeNaN();
  });

  it('rejects negative values, NaN and p outside [0, 1]', () => {
    const h = new Histogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(Number.NaN)).toThrow(RangeError);
    expect(() => h.recordN(1, -1)).toThrow(RangeError);
    expect(() => h.recordN(1, 1.5)).toThrow(RangeError);
    expect(() => h.quantile(1.01)).toThrow(RangeError);
    expect(h.count).toBe(0);
  });

  it('clamps values above the highest trackable value and counts them', () => {
    const h = histogramOf([10, 2e9, Number.POSITIVE_INFINITY]);
    expect(h.overflow).toBe(2);
    expect(h.count).toBe(3);
    expect(h.max).toBe(HIGHEST_TRACKABLE);
    expect(h.quantile(0.5)).toBeCloseTo(HIGHEST_TRACKABLE, -6);
  });
});

describe('Histogram recordN, merge, clone, reset', () => {
  it('recordN(v, n) equals n calls of record(v)', () => {
    const a = new Histogram();
    const b = new Histogram();
    for (const [v, n] of [
      [3.25, 7],
      [0, 3],
      [1e10, 2],
      [123456.789, 1000],
    ] as const) {
      a.recordN(v, n);
      for (let i = 0; i < n; i++) b.record(v);
    }
    a.recordN(5, 0);
    expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
  });

  it('keeps the sum exact for huge counts', () => {
    const h = new Histogram();
    h.recordN(HIGHEST_TRACKABLE, 2 ** 40);
    h.recordN(0.5, 3);
    const units = BigInt(HIGHEST_TRACKABLE * 2 ** 20) * 2n ** 40n + BigInt(0.5 * 2 ** 20) * 3n;
    expect(h.toJSON().sumUnits).toBe(units.toString());
    expect(h.mean).toBeCloseTo((1e9 * 2 ** 40 + 1.5) / (2 ** 40 + 3), 0);
  });

  it('merging shards equals recording everything, byte for byte, in any order', () => {
    const values = SHAPES[3][1];
    const all = histogramOf(values);
    const shards = [new Histogram(), new Histogram(), new Histogram()];
    const rng = createStream('metrics-test', 'shards');
    for (const v of values) shards[Math.floor(rng() * 3)].record(v);
    const merged = new Histogram().add(shards[2]).add(shards[0]).add(shards[1]);
    expect(JSON.stringify(merged.toJSON())).toBe(JSON.stringify(all.toJSON()));
    expect(merged.mean).toBe(all.mean);
    const reversed = histogramOf(values.slice().reverse());
    expect(JSON.stringify(reversed.toJSON())).toBe(JSON.stringify(all.toJSON()));
  });

  it('clone is independent; reset empties', () => {
    const h = histogramOf([1, 2, 3]);
    const c = h.clone();
    h.record(1000);
    expect(c.count).toBe(3);
    expect(c.max).toBe(3);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.toJSON()).toEqual(new Histogram().toJSON());
    h.record(7);
    expect(h.quantile(0.5)).toBe(7);
  });
});

describe('Histogram JSON', () => {
  it('round-trips exactly and deterministically', () => {
    for (const [, values] of SHAPES) {
      const h = histogramOf(values);
      const text = JSON.stringify(h.toJSON());
      const back = Histogram.fromJSON(JSON.parse(text) as HistogramJSON);
      expect(JSON.stringify(back.toJSON())).toBe(text);
      expect(back.mean).toBe(h.mean);
      for (const p of PS) expect(back.quantile(p)).toBe(h.quantile(p));
      expect(JSON.stringify(histogramOf(values).toJSON())).toBe(text);
    }
  });

  it('is compact: only non-zero buckets', () => {
    const json = histogramOf(new Float64Array(10_000).fill(12.5)).toJSON();
    expect(json.buckets).toHaveLength(1);
    expect(JSON.stringify(json).length).toBeLessThan(300);
  });

  it('serialises an empty histogram with null min and max', () => {
    const json = new Histogram().toJSON();
    expect(json.min).toBeNull();
    expect(json.max).toBeNull();
    expect(Histogram.fromJSON(json).count).toBe(0);
  });

  it('rejects inconsistent input', () => {
    const json = histogramOf([1, 2, 3]).toJSON();
    expect(() => Histogram.fromJSON({ ...json, count: 4 })).toThrow(/count/);
    expect(() => Histogram.fromJSON({ ...json, buckets: [[-1, 3]] })).toThrow(/index/);
    expect(() => Histogram.fromJSON({ ...json, format: 'x' } as unknown as HistogramJSON)).toThrow(
      /format/,
    );
  });
});

describe('Histogram cdf', () => {
  it('agrees with the empirical cdf at bucket resolution and inverts quantile', () => {
    const values = SHAPES[2][1];
    const h = histogramOf(values);
    const sorted = values.slice().sort();
    const empirical = (x: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo / sorted.length;
    };
    for (const x of [0.5, 1, 2, 5, 8, 13, 40, 100]) {
      const c = h.cdf(x);
      expect(c).toBeGreaterThanOrEqual(empirical(x * (1 - 5e-4)));
      expect(c).toBeLessThanOrEqual(empirical(x * (1 + 5e-4)));
    }
    for (const p of PS) expect(h.cdf(h.quantile(p))).toBeGreaterThanOrEqual(p);
    expect(h.cdf(h.min - 1e-9)).toBe(0);
    expect(h.cdf(h.max)).toBe(1);
  });
});
