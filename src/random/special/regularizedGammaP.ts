import { logGamma } from './logGamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;

/**
 * The regularized lower incomplete gamma function P(a, x) = gamma(a, x) / Gamma(a),
 * the CDF of a unit-scale gamma distribution.
 *
 * Numerical Recipes' split: the power series converges fast below x = a + 1 and
 * the continued fraction for Q = 1 - P (modified Lentz) above it. Near the mode
 * both need O(sqrt a) terms, hence the iteration cap grows with a. The
 * prefactor x^a e^-x / Gamma(a) is formed in logs, so accuracy degrades slowly
 * for very large a (about 1e-13 relative at a = 1e3).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0 && a < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`regularizedGammaP: a must be > 0 and finite (got ${a})`);
  }
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const logPrefactor = -x + a * Math.log(x) - logGamma(a);
  const maxIter = 1000 + Math.ceil(20 * Math.sqrt(a));
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < maxIter; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (term < sum * EPS) break;
    }
    return Math.min(1, sum * Math.exp(logPrefactor));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= maxIter; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefactor) * h);
}
