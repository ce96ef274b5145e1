/**
 * MSER-5 (White 1997; White, Cobb and Spratt 2000): the truncation point of a simulation's
 * output that minimises the marginal standard error of what is left. The series is grouped
 * into batches of 5; for each candidate d (up to half the batches), the variance of the
 * batch means after d divided by the number left, squared: sum (y_i - mean)^2 / (k - d)^2.
 * A d* well past the start says the series still drifts there, so a warm-up shorter than it
 * leaves the start's bias in the results.
 */
export const MSER_BATCH = 5;

/**
 * The truncation point of a series given as per-window sums and counts (empty windows carry
 * no weight): the number of leading windows to drop, a multiple of MSER_BATCH, or null when
 * fewer than four batches hold values.
 */
export function mser5(sums: ArrayLike<number>, counts: ArrayLike<number>): number | null {
  const { batches, firstWindow } = batchesOf(sums, counts);
  const d = truncation(batches);
  return d === null ? null : firstWindow[d];
}

/**
 * How far apart, in standard errors, the batches MSER-5 drops must be from the rest to count as
 * a drift. MSER-5 alone always drops something where the series is noisy: on a stationary run
 * of rare, large values (a call every 500 s, 3% of them cold), it dropped 10-34 hours of a
 * 336-hour run, wherever chance had put a cluster of cold calls early. 3 standard errors leave
 * the start of a run that really drifts (its first batches are many errors off) and drop those.
 */
export const DRIFT_Z = 3;

/**
 * MSER-5's truncation point, where the batches it drops differ from the rest by more than
 * chance would: their mean against the rest's, in standard errors estimated from the rest's
 * batch means (taken as independent), above DRIFT_Z; 0 (no drift) where they do not; null as
 * mser5.
 */
export function mser5Drift(sums: ArrayLike<number>, counts: ArrayLike<number>): number | null {
  const { batches, firstWindow } = batchesOf(sums, counts);
  const d = truncation(batches);
  if (d === null || d === 0) return d;
  const k = batches.length;
  let before = 0;
  for (let i = 0; i < d; i++) before += batches[i];
  before /= d;
  let after = 0;
  for (let i = d; i < k; i++) after += batches[i];
  after /= k - d;
  let ss = 0;
  for (let i = d; i < k; i++) {
    const dev = batches[i] - after;
    ss += dev * dev;
  }
  const sd = Math.sqrt(ss / Math.max(1, k - d - 1));
  const se = sd * Math.sqrt(1 / d + 1 / (k - d));
  return Math.abs(before - after) > DRIFT_Z * se ? firstWindow[d] : 0;
}

/** The means of the batches of MSER_BATCH windows that hold values, and each one's first window. */
function batchesOf(
  sums: ArrayLike<number>,
  counts: ArrayLike<number>,
): { batches: number[]; firstWindow: number[] } {
  const batches: number[] = [];
  const firstWindow: number[] = [];
  for (let b = 0; b * MSER_BATCH < sums.length; b++) {
    let s = 0;
    let n = 0;
    for (let w = b * MSER_BATCH; w < Math.min(sums.length, (b + 1) * MSER_BATCH); w++) {
      s += sums[w];
      n += counts[w];
    }
    if (n > 0) {
      batches.push(s / n);
      firstWindow.push(b * MSER_BATCH);
    }
  }
  return { batches, firstWindow };
}

/** The batches MSER-5 drops (an index into `batches`), or null with fewer than four. */
function truncation(batches: readonly number[]): number | null {
  const k = batches.length;
  if (k < 4) return null;
  // Suffix sums give each candidate's mean and squared deviations in O(1).
  const suffix = new Float64Array(k + 1);
  const suffix2 = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) {
    suffix[i] = suffix[i + 1] + batches[i];
    suffix2[i] = suffix2[i + 1] + batches[i] * batches[i];
  }
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const m = k - d;
    const mean = suffix[d] / m;
    const ss = Math.max(0, suffix2[d] - m * mean * mean);
    const value = ss / (m * m);
    if (value < bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best;
}
