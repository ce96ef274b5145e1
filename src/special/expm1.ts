import { fromWords, highWord } from './float64Words.ts';

// fdlibm's s_expm1.c (Sun Microsystems, 1993; freely redistributable with this notice),
// as in musl's expm1.c.
const O_THRESHOLD = 709.782712893384;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E; // the double nearest 1/ln2, as fdlibm's invln2
// Scaled Remez coefficients for R(2z), z = x^2 / 2.
const Q1 = -0.03333333333333313;
const Q2 = 0.0015873015872548146;
const Q3 = -0.0000793650757867488;
const Q4 = 0.000004008217827329362;
const Q5 = -2.0109921818362437e-7;

/**
 * e^x - 1, accurate near 0 where exp(x) - 1 would cancel, and engine-independent.
 *
 * fdlibm's method: x = k ln2 + r, |r| <= ln2 / 2, with the reduction's rounding error
 * carried as a correction; e^r - 1 from a rational approximation in r^2 / 2; then the
 * power of two folded in without losing the small result. Error < 1 ulp.
 */
export function expm1(x: number): number {
  const hx = highWord(x);
  const sign = hx >>> 31;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x4043687a) {
    // |x| >= 56 ln2
    if (Number.isNaN(x)) return x;
    if (sign) return -1;
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
  }
  let k: number;
  let c = 0;
  if (ix > 0x3fd62e42) {
    // |x| > ln2 / 2
    let hi: number;
    let lo: number;
    if (ix < 0x3ff0a2b2) {
      if (!sign) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (sign ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ix < 0x3c900000) {
    // |x| < 2^-54: e^x - 1 rounds to x (and -0 stays -0).
    return x;
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  if (k < 0 || k > 56) {
    let y = x - e + 1;
    if (k === 1024) y = y * 2 * 8.98846567431158e307;
    else y = y * fromWords((0x3ff + k) << 20, 0);
    return y - 1;
  }
  const twopk = fromWords((0x3ff + k) << 20, 0);
  const twomk = fromWords((0x3ff - k) << 20, 0);
  if (k < 20) return (x - e + (1 - twomk)) * twopk;
  return (x - (e + twomk) + 1) * twopk;
}
