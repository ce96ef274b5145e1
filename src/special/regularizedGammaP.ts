import { erfcx } from './erfcx.ts';
import { exp } from './exp.ts';
import { log } from './log.ts';
import { log1p } from './log1p.ts';
import { logGamma } from './logGamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;
/**
 * Above this shape the uniform asymptotic form replaces the series and the continued
 * fraction. They need O(sqrt a) terms near the mode (3e8 at a = 1e17, which hung
 * validation) and their prefactor, formed as a difference of terms of size a ln a, loses
 * about a ln a ulps (2.6e-10 relative at 1e5); the asymptotic form's first neglected
 * term is of order c2 / a^2 (c2 about 8e-4) times the tail's own size.
 */
export const ASYMPTOTIC_SHAPE = 1e5;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The regularized lower incomplete gamma function P(a, x) = gamma(a, x) / Gamma(a),
 * the CDF of a unit-scale gamma distribution.
 *
 * Numerical Recipes' split: the power series converges fast below x = a + 1 and
 * the continued fraction for Q = 1 - P (modified Lentz) above it. Near the mode
 * both need O(sqrt a) terms, hence the iteration cap grows with a. The
 * prefactor x^a e^-x / Gamma(a) is formed in logs, so accuracy degrades slowly
 * for very large a (about 1e-13 relative at a = 1e3). Above ASYMPTOTIC_SHAPE, Temme's
 * uniform asymptotic expansion: a bounded cost for any a, at most some 50 operations.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0 && a < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`regularizedGammaP: a must be > 0 and finite (got ${a})`);
  }
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (a > ASYMPTOTIC_SHAPE) return asymptoticP(a, x);
  // P(a, x) = 1 - a E1(x) + O(a^2) as a -> 0, and a E1(x) < 1e-297 for any double x > 0:
  // 1. (The series' first term 1/a would overflow to Infinity for a subnormal a.)
  if (a < 1e-300) return 1;
  const logPrefactor = -x + a * log(x) - logGamma(a);
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
    return Math.min(1, sum * exp(logPrefactor));
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
  return Math.max(0, 1 - exp(logPrefactor) * h);
}

/**
 * Temme's uniform asymptotic expansion (N. M. Temme, SIAM J. Math. Anal. 1979; DLMF
 * 8.12.7-8.12.11) to its first correction: with lambda = x / a and eta^2 / 2 =
 * lambda - 1 - ln(lambda), eta of the sign of lambda - 1,
 *   Q(a, x) = erfc(eta sqrt(a/2)) / 2 + R,  P(a, x) = erfc(-eta sqrt(a/2)) / 2 - R,
 *   R = exp(-a eta^2 / 2) / sqrt(2 pi a) * c0(eta),  c0 = 1 / (lambda - 1) - 1 / eta.
 * The smaller tail is computed and the other taken as its complement; erfc is written as
 * exp(-y^2) erfcx(y), so the one exponential factor is shared and never overflows.
 */
function asymptoticP(a: number, x: number): number {
  // lambda - 1, without forming lambda (x and a may be close and both huge).
  const t = (x - a) / a;
  const halfEta2 = Math.abs(t) < 0.1 ? tMinusLog1pSeries(t) : t - log1p(t);
  const absEta = Math.sqrt(2 * halfEta2);
  const eta = t < 0 ? -absEta : absEta;
  // c0 and c1 by their Taylor series near eta = 0, where the closed forms cancel (DLMF 8.12.11).
  let c0: number;
  let c1: number;
  if (absEta < 0.01) {
    c0 = -1 / 3 + eta * (1 / 12 + eta * (-2 / 135 + eta * (1 / 864 + eta / 2835)));
    c1 = -1 / 540 + eta * (-1 / 288 + eta / 378);
  } else {
    c0 = 1 / t - 1 / eta;
    c1 = 1 / (eta * eta * eta) - 1 / (t * t * t) - 1 / (t * t) - 1 / (12 * t);
  }
  const y = absEta * Math.sqrt(a / 2);
  const r = (c0 + c1 / a) / (SQRT_2PI * Math.sqrt(a));
  const tail = exp(-a * halfEta2) * (0.5 * erfcx(y) + (eta < 0 ? -r : r));
  const p = eta < 0 ? tail : 1 - tail;
  return Math.min(1, Math.max(0, p));
}

/** t - ln(1 + t) for |t| < 0.1 by its series t^2/2 - t^3/3 + ...: 20 terms reach 1e-20 relative. */
function tMinusLog1pSeries(t: number): number {
  let sum = 0;
  let power = t;
  for (let k = 2; k <= 21; k++) {
    power *= -t;
    sum += power / k;
  }
  return -sum;
}
