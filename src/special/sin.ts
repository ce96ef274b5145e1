import { highWord } from './float64Words.ts';
import { kernelCos } from './kernelCos.ts';
import { kernelSin } from './kernelSin.ts';
import { remainder, remPio2 } from './remPio2.ts';

/**
 * The sine, with the same bits in every JavaScript engine. fdlibm's s_sin.c (as in musl):
 * reduce by pi/2 (remPio2, exact for every double), then the sine or cosine kernel by
 * quadrant. Error < 1 ulp.
 */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| <= ~pi/4; below 2^-26, sin(x) rounds to x (and keeps -0).
    if (ix < 0x3e500000) return x;
    return kernelSin(x, 0, false);
  }
  if (ix >= 0x7ff00000) return Number.NaN;
  const n = remPio2(x);
  const y0 = remainder[0];
  const y1 = remainder[1];
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, true);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, true);
    default:
      return -kernelCos(y0, y1);
  }
}
