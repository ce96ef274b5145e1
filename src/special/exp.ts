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
  // fdlibm tests the high word of |x|; these are the same tests on |x| itself (each bound
  // is the smallest double with that high word), which spares the hot path the bit access.
  const ax = x < 0 ? -x : x;
  if (!(ax < 708.39599609375)) {
    // |x| >= 708.39 (high word >= 0x4086232b): overflow, underflow, or NaN.
    if (Number.isNaN(x)) return x;
    if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
    if (x < -745.1332191019411) return 0;
  }
  let hi: number;
  let lo: number;
  let k: number;
  if (ax >= 0.3465735912322998) {
    // |x| > ln2 / 2 (high word > 0x3fd62e42)
    if (ax >= 1.0397205352783203) k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
    else k = x < 0 ? -1 : 1;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax >= 3.725293851175593e-9) {
    // |x| > 2^-28 (high word > 0x3e300000)
    k = 0;
    hi = x;
    lo = 0;
  } else {
    return 1 + x;
  }
  const xx = x * x;
  const c = x - xx * (P1 + xx * (P2 + xx * (P3 + xx * (P4 + xx * P5))));
  const y = 1 + ((x * c) / (2 - c) - lo + hi);
  if (k === 0) return y;
  // 2^k from a table when y * 2^k is normal (all but the last few octaves): exact.
  if (k >= -1021 && k <= 1023) return y * POW2[k + 1022];
  return scalbn(y, k);
}

/** POW2[k + 1022] = 2^k for k in [-1022, 1023], built exactly by repeated doubling. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let k = 1; k <= 1023; k++) POW2[1022 + k] = POW2[1021 + k] * 2;
for (let k = 1; k <= 1022; k++) POW2[1022 - k] = POW2[1023 - k] / 2;
