import { clearLowWord, highWord } from './float64Words.ts';

// fdlibm's k_tan.c (Sun Microsystems, 2004; freely redistributable with this notice),
// as in musl's __tan.c: tan on [0, 0.67434] by an odd polynomial of degree 27 (relative
// error below 2^-59.2); above, tan(pi/4 - y) from tan(y).
const T = [
  0.3333333333333341, 0.13333333333320124, 0.05396825397622605, 0.021869488294859542,
  0.0088632398235993, 0.0035920791075913124, 0.0014562094543252903, 0.0005880412408202641,
  0.0002464631348184699, 0.00007817944429395571, 0.00007140724913826082, -0.000018558637485527546,
  0.00002590730518636337,
];
const PIO4 = 0.7853981633974483;
const PIO4_LO = 3.061616997868383e-17;

/**
 * tan(x + y) when `odd` is false, -1 / tan(x + y) when true, for |x| <= ~pi/4 (not -0:
 * callers return tan(-0) themselves).
 */
export function kernelTan(x: number, y: number, odd: boolean): number {
  const hx = highWord(x);
  const big = (hx & 0x7fffffff) >= 0x3fe59428; // |x| >= 0.6744
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    x = PIO4 - x + (PIO4_LO - y);
    y = 0;
  }
  let z = x * x;
  let w = z * z;
  // x^5 (T1 + x^4 T3 + ...) + x^5 (x^2 (T2 + x^4 T4 + ...)), split for parallelism.
  let r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
  let v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
  let s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T[0] * s;
  w = x + r;
  if (big) {
    v = odd ? -1 : 1;
    const sign = 1 - ((hx >> 30) & 2);
    return sign * (v - 2 * (x - ((w * w) / (w + v) - r)));
  }
  if (!odd) return w;
  // -1 / (x + r), computed accurately.
  z = clearLowWord(w);
  v = r - (z - x); // z + v = r + x
  const a = -1 / w;
  const t = clearLowWord(a);
  s = 1 + t * z;
  return t + a * (s + t * v);
}
