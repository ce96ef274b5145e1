import { erfSmall } from './erfSmall.ts';
import { exp } from './exp.ts';
import { normalCdf } from './normalCdf.ts';
import { normalQuantileApprox } from './normalQuantileApprox.ts';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The standard normal quantile (inverse CDF), accurate to about 1e-15 relative:
 * Acklam's approximation plus one Halley step on normalCdf.
 *
 * Throws a RangeError outside [0, 1]; returns -Infinity at 0 and Infinity at 1.
 *
 * Kept rather than simple-statistics' probit, whose inverse-erf approximation
 * is off by about 1e-3 relative (probit(0.975) = 1.9572 against 1.95996): a
 * lognormal given by its p50 and p99 would miss its own p99 by that much.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1] (got ${p})`);
  // By symmetry work in the lower half, where p is the small tail probability
  // and normalCdf has full relative precision; 1 - p is exact for p >= 1/2.
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

function lowerQuantile(p: number): number {
  if (p === 0) return Number.NEGATIVE_INFINITY;
  const x = normalQuantileApprox(p);
  // Beyond this exp(x^2/2) overflows; Acklam's 1e-9 has to do (p < 1e-306).
  if (x < -37.5) return x;
  // Near the median the error Phi(x) - p is a difference of two numbers close to
  // 1/2; computing it as erf(x/sqrt 2)/2 - (p - 1/2) keeps its relative precision.
  const e = x > -0.66 ? 0.5 * erfSmall(x * Math.SQRT1_2) - (p - 0.5) : normalCdf(x) - p;
  const u = e * SQRT_2PI * exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
