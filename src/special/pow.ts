import { clearLowWord, fromWords, highWord, lowWord } from './float64Words.ts';
import { scalbn } from './scalbn.ts';

// fdlibm's e_pow.c (Sun Microsystems, 2004: "Permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved"),
// as in FreeBSD's msun and musl's pow.c before 2018.
const BP = [1, 1.5];
const DP_H = [0, 0.5849624872207642]; // 0x3fe2b803 40000000
const DP_L = [0, 1.350039202129749e-8]; // 0x3e4cfdeb 43cfd006
const TWO53 = 9007199254740992;
const HUGE = 1e300;
const TINY = 1e-300;
// Polynomial for (3/2) (log(x) - 2s - 2/3 s^3).
const L1 = 0.5999999999999946;
const L2 = 0.4285714285785502;
const L3 = 0.33333332981837743;
const L4 = 0.272728123808534;
const L5 = 0.23066074577556175;
const L6 = 0.20697501780033842;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;
const LG2 = Math.LN2;
const LG2_H = 0.6931471824645996; // 0x3fe62e43 00000000
const LG2_L = -1.904654299957768e-9;
const OVT = 8.008566259537294e-17; // -(1024 - log2(ovfl + .5ulp))
const CP = 0.9617966939259756; // 2 / (3 ln2)
const CP_H = 0.9617967009544373;
const CP_L = -7.028461650952758e-9;
const IVLN2 = Math.LOG2E;
const IVLN2_H = 1.4426950216293335;
const IVLN2_L = 1.9259629911266175e-8;

/**
 * x^y (what Math.pow and ** compute), with the same bits in every JavaScript engine.
 *
 * fdlibm's method: log2(x) in two parts (the head with 29 trailing zero bits), y log2(x)
 * = n + y' in simulated extra precision with |y'| <= 1/2, then 2^n e^(y' ln2). Error
 * below 1 ulp ("nearly rounded"); pow(integer, integer) is exact when representable.
 * Special cases follow C99 Annex F, which agree with ECMAScript's except that
 * 1^y and (-1)^(+-Infinity) are 1 there and NaN in JavaScript: this follows JavaScript.
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^0 = 1, even for NaN
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN; // JavaScript: 1^NaN is NaN too

  // yisint: 0 y is not an integer, 1 an odd integer, 2 an even integer (only for x < 0).
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is +-Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return Number.NaN; // JavaScript: (+-1)^+-Inf is NaN
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // correctly rounded by IEEE 754
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is +-0, +-Infinity or +-1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = Number.NaN;
      else if (yisint === 1) z = -z;
    }
    return z;
  }

  let n = (hx >>> 31) - 1;
  if ((n | yisint) === 0) return Number.NaN; // (x < 0)^(non-integer)

  let s = 1; // the sign of the result
  if ((n | (yisint - 1)) === 0) s = -1; // (negative)^(odd integer)

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must over- or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLowWord(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    let k: number;
    ix = j | 0x3ff00000;
    if (j <= 0x3988e)
      k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = fromWords(ix, lowWord(ax));

    // ss = s_h + s_l = (x - 1) / (x + 1) or (x - 1.5) / (x + 1.5)
    let u = ax - BP[k];
    let v = 1 / (ax + BP[k]);
    const ss = u * v;
    const sH = clearLowWord(ss);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - BP[k]);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLowWord(3 + s2 + r);
    tL = r - (tH - 3 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = clearLowWord(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k];
    // log2(ax) = n + dp_h + z_h + z_l
    const t = n;
    t1 = clearLowWord(zH + zL + DP_H[k] + t);
    t2 = zL - (t1 - t - DP_H[k] - zH);
  }

  // (y1 + y2) (t1 + t2), y1 being y with a cleared low word.
  const y1 = clearLowWord(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE;
    if (pL + OVT > z - pH) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * TINY * TINY;
    if (pL <= z - pH) return s * TINY * TINY;
  }

  // 2^(p_h + p_l)
  const ij = j & 0x7fffffff;
  let k = (ij >> 20) - 0x3ff;
  n = 0;
  if (ij > 0x3fe00000) {
    // |z| > 1/2: n = [z + 1/2]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = clearLowWord(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tt1) / (tt1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = highWord(z);
  j += n << 20;
  if (j >> 20 <= 0)
    z = scalbn(z, n); // subnormal result
  else z = fromWords(j, lowWord(z));
  return s * z;
}
