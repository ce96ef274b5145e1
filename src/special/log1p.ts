import { fromWords, highWord, lowWord } from './float64Words.ts';
import { logPolynomial } from './logPolynomial.ts';

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * log(1 + x), accurate for small x where log(1 + x) would lose x's low bits, and
 * engine-independent.
 *
 * fdlibm's s_log1p.c (Sun Microsystems, 1993; as in musl's log1p.c): 1 + x = 2^k (1 + f)
 * with a correction c for the rounding of 1 + x, then the same polynomial as log.
 * Error < 1 ulp.
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ux = hx >>> 0;
  let k = 1;
  let c = 0;
  let f = 0;
  if (ux < 0x3fda827a || hx < 0) {
    // 1 + x < sqrt(2)+, or x negative (or a NaN with the sign bit set).
    if (ux >= 0xbff00000) {
      // x <= -1
      if (x === -1) return Number.NEGATIVE_INFINITY;
      return Number.NaN;
    }
    if ((ux << 1) >>> 0 < 0x79400000) {
      // |x| < 2^-53: log1p(x) rounds to x (keeps -0).
      return x;
    }
    if (ux <= 0xbfd2bec4) {
      // sqrt(2)/2- <= 1 + x < sqrt(2)+: no reduction.
      k = 0;
      f = x;
    }
  } else if (ux >= 0x7ff00000) {
    return x;
  }
  if (k !== 0) {
    const u = 1 + x;
    let hu = highWord(u);
    hu += 0x3ff00000 - 0x3fe6a09e;
    k = (hu >>> 20) - 0x3ff;
    // Correction term ~ log(1 + x) - log(u); not needed once x is this large.
    if (k < 54) {
      c = k >= 2 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      c = 0;
    }
    hu = (hu & 0x000fffff) + 0x3fe6a09e;
    f = fromWords(hu, lowWord(u)) - 1;
  }
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const R = logPolynomial(s);
  return s * (hfsq + R) + (k * LN2_LO + c) - hfsq + f + k * LN2_HI;
}
