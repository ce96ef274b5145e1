import { clearLowWord, fromWords, highWord, lowWord } from './float64Words.ts';
import { logPolynomial } from './logPolynomial.ts';

const IVLN10_HI = 0.4342944818781689; // 0x3fdbcb7b 15200000
const IVLN10_LO = 2.5082946711645275e-11; // 0x3dbb9438 ca9aadd5
const LOG10_2HI = 0.30102999566361177; // 0x3fd34413 509f6000
const LOG10_2LO = 3.694239077158931e-13; // 0x3d59fef3 11f12b36

/**
 * The base-10 logarithm, engine-independent.
 *
 * FreeBSD's e_log10.c (Bruce D. Evans, after Sun's fdlibm; as in musl's log10.c): like
 * log2, log(1 + f) in a head and a tail times 1/ln10 in two parts, plus k log10(2) in
 * two parts. Error < 1 ulp.
 */
export function log10(x: number): number {
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
  const hi = clearLowWord(f - hfsq);
  const lo = f - hi - hfsq + s * (hfsq + R);
  let valHi = hi * IVLN10_HI;
  const y = k * LOG10_2HI;
  let valLo = k * LOG10_2LO + (lo + hi) * IVLN10_LO + lo * IVLN10_HI;
  const w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}
