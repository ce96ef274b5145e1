import { log } from './log.ts';
import { sin } from './sin.ts';

// Lanczos coefficients for g = 7, n = 9 (as tabulated by Paul Godfrey); about
// 1e-15 relative over the positive reals.
const G = 7;
const C = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * log(2 * Math.PI);

/**
 * ln Gamma(x) for x > 0, by the Lanczos approximation (reflection below 1/2).
 *
 * Works in logs so that gamma-distribution normalisers and Weibull means stay
 * finite for large shapes, where Gamma(x) itself overflows past x = 171.
 *
 * Kept rather than simple-statistics' gammaln, which agrees to 1e-15 at
 * ordinary arguments but returns Infinity below about 1e-15 (gammaln(1e-20)
 * is Infinity; the answer is 46.05), where a gamma shape may go.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be > 0 (got ${x})`);
  if (x === Number.POSITIVE_INFINITY) return x;
  // ln Gamma(x) = -ln x - gamma x + O(x^2): -ln x to double precision. The reflection
  // below would divide pi by a sine that is itself below the smallest normal double.
  if (x < 1e-300) return -log(x);
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x); the series is least
    // accurate for small arguments.
    return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = C[0];
  for (let i = 1; i < C.length; i++) sum += C[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(sum);
}
