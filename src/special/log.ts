import { fromWords, highWord, lowWord } from './float64Words.ts';
import { logPolynomial } from './logPolynomial.ts';

const LN2_HI = 0.6931471803691238; // 0x3fe62e42 fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76

/**
 * The natural logarithm, with the same bits in every JavaScript engine.
 *
 * fdlibm's e_log.c (as in musl's log.c before 2018): x = 2^k (1 + f) with 1 + f in
 * [sqrt(2)/2, sqrt(2)), log(1 + f) from logPolynomial, k ln2 added in two parts.
 * Error < 1 ulp; exact for x = 1.
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // Negative, zero or subnormal (hx is signed: a set sign bit makes it negative).
    if (x === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0 || Number.isNaN(x)) return Number.NaN;
    k -= 54;
    x *= 18014398509481984; // 2^54
    hx = highWord(x);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx === 0x3ff00000 && lowWord(x) === 0) {
    return 0;
  }
  // Reduce x into [sqrt(2)/2, sqrt(2)).
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  const f = fromWords(hx, lowWord(x)) - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const R = logPolynomial(s);
  return s * (hfsq + R) + k * LN2_LO - hfsq + f + k * LN2_HI;
}
