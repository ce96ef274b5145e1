import { highWord } from './float64Words.ts';
import { kernelCos } from './kernelCos.ts';
import { kernelSin } from './kernelSin.ts';
import { remainder, remPio2 } from './remPio2.ts';

/**
 * The cosine, with the same bits in every JavaScript engine. fdlibm's s_cos.c (as in
 * musl): reduce by pi/2 (remPio2, exact for every double), then the cosine or sine kernel
 * by quadrant. Error < 1 ulp.
 */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| <= ~pi/4; below 2^-27 sqrt(2), cos(x) rounds to 1.
    if (ix < 0x3e46a09e) return 1;
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return Number.NaN;
  const n = remPio2(x);
  const y0 = remainder[0];
  const y1 = remainder[1];
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, true);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, true);
  }
}
