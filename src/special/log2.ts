import { clearLowWord, fromWords, highWord, lowWord } from './float64Words.ts';
import { logPolynomial } from './logPolynomial.ts';

const IVLN2_HI = 1.4426950407214463; // 0x3ff71547 65200000
const IVLN2_LO = 1.6751713164886512e-10; // 0x3de705fc 2eefa200

/**
 * The base-2 logarithm, engine-independent; exact (an integer) at powers of two, which
 * the latency recorder's octave bins rely on.
 *
 * fdlibm/FreeBSD's e_log2.c (Bruce D. Evans, after Sun's e_log.c; as in musl's log2.c
 * before 2018): log(1 + f) as a head with a cleared low word plus a tail, each multiplied
 * by 1/ln2 in two parts, then k added in extra precision. Error < 1 ulp.
 */
export function log2(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
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
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  const f = fromWords(hx, lowWord(x)) - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const R = logPolynomial(s);
  // hi + lo = f - hfsq + s (hfsq + R) ~ log(1 + f), hi with 21 significant bits.
  const hi = clearLowWord(f - hfsq);
  const lo = f - hi - hfsq + s * (hfsq + R);
  let valHi = hi * IVLN2_HI;
  let valLo = (lo + hi) * IVLN2_LO + lo * IVLN2_HI;
  const w = k + valHi;
  valLo += k - w + valHi;
  valHi = w;
  return valLo + valHi;
}
