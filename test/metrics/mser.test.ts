import { describe, expect, it } from 'vitest';
import { MSER_BATCH, mser5, mser5Drift } from '../../src/metrics/mser.ts';
import { createStream } from '../../src/random/streams.ts';

/** Per-window sums and counts of `n` noisy values per window around `level(w)`. */
function series(windows: number, level: (w: number) => number, seed: string) {
  const rng = createStream(seed, 'mser');
  const sums = new Float64Array(windows);
  const counts = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    for (let i = 0; i < 20; i++) sums[w] += level(w) * (0.5 + rng());
    counts[w] = 20;
  }
  return { sums, counts };
}

describe('MSER-5', () => {
  it('truncates a series that starts high and settles at window 100 near there', () => {
    const { sums, counts } = series(500, (w) => (w < 100 ? 10 - (9 * w) / 100 : 1), 'drift');
    const d = mser5(sums, counts)!;
    expect(d % MSER_BATCH).toBe(0);
    expect(d).toBeGreaterThanOrEqual(60);
    expect(d).toBeLessThanOrEqual(110);
  });

  it('keeps nearly all of a series without drift', () => {
    for (const seed of ['a', 'b', 'c']) {
      const { sums, counts } = series(500, () => 1, seed);
      expect(mser5(sums, counts)!).toBeLessThan(100);
    }
  });

  it('skips empty windows, and says nothing with too few calls', () => {
    const sums = new Float64Array(500);
    const counts = new Float64Array(500);
    expect(mser5(sums, counts)).toBeNull();
    // Calls in every other window only, at a constant latency: nothing to truncate.
    for (let w = 0; w < 500; w += 2) {
      sums[w] = 100;
      counts[w] = 100;
    }
    expect(mser5(sums, counts)).toBe(0);
  });
});

describe('MSER-5 with a drift guard', () => {
  // 200 series of 500 windows, 24 values each: 97% near 45 ms and 3% near 400 ms (rare, large
  // values, as cold starts among warm calls), the same law throughout; and the same with the
  // first 50 windows 30% higher, a drift.
  const SERIES = 200;
  const series = (seed: number, drift: boolean) => {
    const rng = createStream(seed, 'mser');
    const sums = new Float64Array(500);
    const counts = new Float64Array(500);
    for (let w = 0; w < 500; w++) {
      for (let i = 0; i < 24; i++) {
        const x = rng() < 0.03 ? 300 + 200 * rng() : 40 + 10 * rng();
        sums[w] += drift && w < 50 ? 1.3 * x : x;
        counts[w]++;
      }
    }
    return { sums, counts };
  };

  it('drops the truncations MSER-5 makes on a series that does not drift', () => {
    let truncated = 0;
    let kept = 0;
    for (let seed = 0; seed < SERIES; seed++) {
      const { sums, counts } = series(seed, false);
      if ((mser5(sums, counts) ?? 0) > 0) truncated++;
      if ((mser5Drift(sums, counts) ?? 0) > 0) kept++;
    }
    // MSER-5 alone truncated 68 of these 200; the guard keeps 5 (2.5%). At most 6%: 3 standard
    // errors of a share of 2.5% over 200 series above it.
    expect(truncated).toBeGreaterThan(SERIES / 5);
    expect(kept).toBeLessThanOrEqual(0.06 * SERIES);
  });

  it('keeps the truncation of a series whose start drifts, near where the drift ends', () => {
    let found = 0;
    for (let seed = 0; seed < SERIES; seed++) {
      const { sums, counts } = series(seed, true);
      const d = mser5Drift(sums, counts) ?? 0;
      if (d >= 40 && d <= 60) found++;
    }
    // 165 of 200 (82%) when the guard was set; at least 74%, 3 standard errors below.
    expect(found).toBeGreaterThanOrEqual(0.74 * SERIES);
  });

  it('is MSER-5 where it does not truncate, and null with too few batches', () => {
    const flat = { sums: new Float64Array(100).fill(50), counts: new Float64Array(100).fill(1) };
    expect(mser5Drift(flat.sums, flat.counts)).toBe(mser5(flat.sums, flat.counts));
    expect(mser5Drift([1, 2, 3], [1, 1, 1])).toBeNull();
  });
});
