import { highWord } from './float64Words.ts';
import { kernelTan } from './kernelTan.ts';
import { remainder, remPio2 } from './remPio2.ts';

/**
 * The tangent, with the same bits in every JavaScript engine. fdlibm's s_tan.c (as in
 * musl): reduce by pi/2 (remPio2, exact for every double), then tan or -1/tan of the
 * remainder by the quadrant's parity. Error < 1 ulp.
 */
export function tan(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| <= ~pi/4; below 2^-27, tan(x) rounds to x (and keeps -0).
    if (ix < 0x3e400000) return x;
    return kernelTan(x, 0, false);
  }
  if (ix >= 0x7ff00000) return Number.NaN;
  const n = remPio2(x);
  return kernelTan(remainder[0], remainder[1], (n & 1) === 1);
}
