import { highWord } from './float64Words.ts';
import { scalbn } from './scalbn.ts';

// Coefficients and thresholds of fdlibm's e_exp.c (Sun Microsystems, 1993; "Permission to
// use, copy, modify, and distribute this software is freely granted, provided that this
// notice is preserved"), as in musl's exp.c before 2018.
const LN2_HI = 0.6931471803691238; // 0x3fe62e42 fee00000: k * LN2_HI is exact
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76
const INV_LN2 = Math.LOG2E; // the double nearest 1/ln2, as fdlibm's invln2
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;

/**
 * e^x, with the same bits in every JavaScript engine (Math.exp rounds differently in
 * V8 and Chromium builds, which made the playground's numbers differ from the CLI's).
 *
 * fdlibm's method: x = k ln2 + r with |r| <= ln2 / 2 (Cody-Waite, ln2 in two parts),
 * e^r from a degree-5 Remez rational form, then scaled by 2^k. Error < 1 ulp
 * (fdlibm's bound); exact for x = 0.
 */
export function exp(x: number): number {
  const hx = highWord(x);
  const sign = hx >>> 31;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x4086232b) {
    // |x| >= 708.39: overflow, underflow, or NaN.
    if (Number.isNaN(x)) return x;
    if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
    if (x < -745.1332191019411) return 0;
  }
  let hi: number;
  let lo: number;
  let k: number;
  if (ix > 0x3fd62e42) {
    // |x| > ln2 / 2
    if (ix >= 0x3ff0a2b2) k = (INV_LN2 * x + (sign ? -0.5 : 0.5)) | 0;
    else k = 1 - sign - sign;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ix > 0x3e300000) {
    // |x| > 2^-28
    k = 0;
    hi = x;
    lo = 0;
  } else {
    return 1 + x;
  }
  const xx = x * x;
  const c = x - xx * (P1 + xx * (P2 + xx * (P3 + xx * (P4 + xx * P5))));
  const y = 1 + ((x * c) / (2 - c) - lo + hi);
  return k === 0 ? y : scalbn(y, k);
}
