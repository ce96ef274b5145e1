import { describe, expect, it } from 'vitest';
import { MSER_BATCH, mser5 } from '../../src/metrics/mser.ts';
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
