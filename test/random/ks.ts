/**
 * Statistical checks shared by the distribution tests: draw a large sample at a
 * fixed seed and compare it with a model's mean, quantiles and CDF, with
 * tolerances taken from each statistic's own sampling distribution rather than
 * picked by hand.
 */

import { mean, sampleVariance } from 'simple-statistics';
import { expect } from 'vitest';
import type { Distribution } from '../../src/random/distribution.ts';
import type { Rng } from '../../src/random/rng.ts';

/** sqrt(n) * D exceeds this with probability about 0.001 under the null. */
export const KS_CRITICAL_SQRT_N = 1.95;

/** The 0.1% critical value of the two-sided KS statistic for n samples. */
export function ksCritical(n: number): number {
  return KS_CRITICAL_SQRT_N / Math.sqrt(n);
}

/** n draws from `dist`, sorted ascending. */
export function drawSorted(dist: Distribution, rng: Rng, n = 100_000): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = dist.sample(rng);
  return xs.sort();
}

/**
 * The Kolmogorov-Smirnov statistic sup |F_n(x) - F(x)| of sorted samples
 * against a CDF. `cdfBefore(x)` is the left limit F(x-); pass it for a CDF with
 * jumps (atoms), where F(x) itself would overstate the gap just below an atom.
 * Ties in the sample are grouped, so atoms are handled exactly.
 */
export function ksStatistic(
  sorted: Float64Array,
  cdf: (x: number) => number,
  cdfBefore: (x: number) => number = cdf,
): number {
  const n = sorted.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    const x = sorted[i];
    let j = i;
    while (j + 1 < n && sorted[j + 1] === x) j++;
    // Just below x the empirical CDF is i/n; at x it is (j + 1)/n.
    d = Math.max(d, cdfBefore(x) - i / n, (j + 1) / n - cdf(x));
    i = j + 1;
  }
  return d;
}

export interface SampleCheck {
  n: number;
  /** (sample mean - model mean) / standard error. */
  meanZ: number;
  /**
   * For each level p, how far (in its standard deviations sqrt(p(1-p)/n)) the
   * model CDF at the empirical p-quantile is from p; 0 when p lies within the
   * jump of an atom.
   */
  quantileZ: Map<number, number>;
  /** sqrt(n) times the KS statistic. */
  ksScaled: number;
}

export interface CheckOptions {
  /** The model's variance, if known exactly; otherwise the sample variance is used. */
  variance?: number;
  /** Left limit of the model CDF, for models with atoms. */
  cdfBefore?: (x: number) => number;
  /** Quantile levels to compare. */
  levels?: readonly number[];
}

/** Compares sorted samples with a model distribution (not necessarily the one sampled). */
export function checkSamples(
  sorted: Float64Array,
  model: Distribution,
  options: CheckOptions = {},
): SampleCheck {
  const n = sorted.length;
  const values = Array.from(sorted);
  const sampleMean = mean(values);
  const variance = options.variance ?? sampleVariance(values);
  const diff = sampleMean - model.mean;
  // A point mass has no spread: then the mean must match exactly.
  const meanZ = variance > 0 ? diff / Math.sqrt(variance / n) : diff === 0 ? 0 : Infinity;

  const cdf = (x: number) => model.cdf(x);
  const cdfBefore = options.cdfBefore ?? cdf;
  const quantileZ = new Map<number, number>();
  for (const p of options.levels ?? [0.1, 0.5, 0.9, 0.99]) {
    // The smallest sample x with F_n(x) >= p.
    const x = sorted[Math.ceil(n * p) - 1];
    const sd = Math.sqrt((p * (1 - p)) / n);
    const below = cdfBefore(x);
    const at = cdf(x);
    quantileZ.set(p, p < below ? (below - p) / sd : p > at ? (p - at) / sd : 0);
  }

  return { n, meanZ, quantileZ, ksScaled: Math.sqrt(n) * ksStatistic(sorted, cdf, cdfBefore) };
}

/**
 * Asserts the three checks at their thresholds: mean within 4 standard errors,
 * each quantile's CDF value within 4 sds of p, KS below the 0.1% critical value.
 */
export function expectSamplesMatch(
  dist: Distribution,
  rng: Rng,
  options: CheckOptions & { n?: number } = {},
): SampleCheck {
  const check = checkSamples(drawSorted(dist, rng, options.n), dist, options);
  expect(Math.abs(check.meanZ), 'mean, in standard errors').toBeLessThan(4);
  for (const [p, z] of check.quantileZ) {
    expect(z, `quantile p=${p}, in sds of its CDF value`).toBeLessThan(4);
  }
  expect(check.ksScaled, 'sqrt(n) * KS statistic').toBeLessThan(KS_CRITICAL_SQRT_N);
  return check;
}

/** Left limit of a CDF, for models with atoms at positive values. */
export function leftLimit(cdf: (x: number) => number): (x: number) => number {
  return (x) => cdf(x - Math.max(Math.abs(x), 1) * 1e-12);
}
