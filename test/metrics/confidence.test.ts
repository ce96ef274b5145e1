import { describe, expect, it } from 'vitest';
import {
  MIN_TAIL_CALLS,
  meanInterval,
  studentTQuantile,
  studentTUpperTail,
  summarizeReplications,
} from '../../src/metrics/confidence.ts';
import { Histogram } from '../../src/metrics/histogram.ts';
import { PERCENTILES } from '../../src/metrics/summary.ts';
import { createStream } from '../../src/random/streams.ts';

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('studentTQuantile', () => {
  it('matches published values to 1e-6', () => {
    const known: [number, number, number][] = [
      [0.975, 1, 12.7062047],
      [0.975, 2, 4.3026527],
      [0.975, 3, 3.1824463],
      [0.975, 4, 2.7764451],
      [0.975, 9, 2.2621572],
      [0.975, 29, 2.0452296],
      [0.975, 1000, 1.9623391],
      [0.995, 1, 63.6567412],
      [0.995, 5, 4.032143],
      [0.995, 100, 2.6258905],
      [0.95, 10, 1.8124611],
      [0.9995, 3, 12.9239786],
      [0.6, 7, 0.2631669],
    ];
    for (const [p, df, t] of known) {
      expect(Math.abs(studentTQuantile(p, df) - t), `t(${p}, ${df})`).toBeLessThan(1e-6);
      expect(Math.abs(studentTQuantile(1 - p, df) + t)).toBeLessThan(1e-6);
    }
  });

  it('tends to the normal quantile and inverts the cdf for any df', () => {
    expect(Math.abs(studentTQuantile(0.975, 1e9) - 1.959963985)).toBeLessThan(1e-6);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    for (const df of [1, 1.5, 2, 3, 7.25, 30, 500, 5e4]) {
      for (const p of [0.51, 0.8, 0.975, 0.999, 1 - 1e-9]) {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTUpperTail(t, df) - (1 - p)) / (1 - p)).toBeLessThan(1e-8);
      }
    }
  });

  it('rejects bad arguments', () => {
    expect(() => studentTQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('computes the t interval', () => {
    const ci = meanInterval([1, 2, 3, 4, 5]);
    const half = (2.7764451 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeCloseTo(half, 6);
    expect(ci.low).toBeCloseTo(3 - half, 6);
    expect(ci.high).toBeCloseTo(3 + half, 6);
  });

  it('gives no interval, not NaN, for one or no replication', () => {
    expect(meanInterval([7])).toEqual({ mean: 7, low: null, high: null, halfWidth: null });
    expect(meanInterval([])).toEqual({ mean: null, low: null, high: null, halfWidth: null });
  });

  it('takes the mean of the exact sum where a plain sum drops small values beside large ones', () => {
    // 2^53 + 2 is a double, but 2^53 + 1 is not: a plain left-to-right sum rounds each 1 away.
    const big = 2 ** 53;
    expect(big + 1 + 1).toBe(big);
    const ci = meanInterval([big, 1, 1]);
    expect(ci.mean).toBe((big + 2) / 3);
    // The spread around that mean: the deviations are exact here, so the variance is too.
    const m = (big + 2) / 3;
    const ss = (big - m) ** 2 + 2 * (1 - m) ** 2;
    expect(ci.halfWidth).toBe(studentTQuantile(0.975, 2) * (Math.sqrt(ss / 2) / Math.sqrt(3)));
  });

  it('covers a known mean about 95% of the time', () => {
    const rng = createStream('metrics-test', 'coverage');
    const trials = 2000;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      const xs = Array.from({ length: 10 }, () => 50 + 7 * normal(rng));
      const ci = meanInterval(xs, 0.95);
      if (ci.low! <= 50 && 50 <= ci.high!) covered++;
    }
    const tolerance = 4 * Math.sqrt((0.95 * 0.05) / trials);
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(tolerance);
  });
});

describe('summarizeReplications', () => {
  const replication = (seed: number, n: number) => {
    const rng = createStream(seed, 'latency');
    const h = new Histogram();
    for (let i = 0; i < n; i++) h.record(Math.exp(2 + 0.5 * normal(rng)));
    return h;
  };

  it('takes the value from the merged histogram and the interval from the replications', () => {
    const hs = [1, 2, 3, 4, 5, 6].map((s) => replication(s, 5000));
    const s = summarizeReplications(hs);
    const merged = new Histogram();
    for (const h of hs) merged.add(h);
    expect(s.replications).toBe(6);
    expect(s.count).toBe(30_000);
    expect(s.max).toBe(merged.max);
    expect(s.mean.value).toBe(merged.mean);
    for (const [key, p] of PERCENTILES) {
      const e = s[key];
      expect(e.value).toBe(merged.quantile(p));
      if (5000 * (1 - p) < MIN_TAIL_CALLS) {
        // p99.9 of 5,000 calls: 5 beyond it per replication, too few for an honest interval.
        expect([e.low, e.high], key).toEqual([null, null]);
        continue;
      }
      // The replications' spread, centred on the merged estimate.
      const ci = meanInterval(hs.map((h) => h.quantile(p)));
      expect(e.low).toBeCloseTo(e.value! - ci.halfWidth!, 9);
      expect(e.high).toBeCloseTo(e.value! + ci.halfWidth!, 9);
      expect(e.low!).toBeLessThan(e.high!);
    }
    expect(s.p999.low).toBeNull();
    // exp(2 + 0.5 z): the true median is e^2.
    expect(s.p50.low!).toBeLessThan(Math.exp(2) * 1.02);
    expect(s.p50.high!).toBeGreaterThan(Math.exp(2) * 0.98);
  });

  it('never gives an interval narrower than the histogram resolution', () => {
    // Identical replications: their percentiles agree exactly, the truth only to 1/2048.
    const s = summarizeReplications([replication(7, 5000), replication(7, 5000)]);
    expect(s.p50.low).toBe(s.p50.value! * (1 - 1 / 2048));
    expect(s.p50.high).toBe(s.p50.value! * (1 + 1 / 2048));
  });

  it('gives no interval for one replication and nulls when nothing was recorded', () => {
    const one = summarizeReplications([replication(1, 100)]);
    expect(one.p99.value).not.toBeNull();
    expect(one.p99.low).toBeNull();
    const none = summarizeReplications([new Histogram(), new Histogram()]);
    expect(none.count).toBe(0);
    expect(none.max).toBeNull();
    expect(none.p50).toEqual({ value: null, low: null, high: null });
    expect(JSON.stringify(none)).not.toContain('NaN');
  });
});
