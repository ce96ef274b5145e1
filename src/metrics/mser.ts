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
  return firstWindow[best];
}
