// fdlibm's k_sin.c (Sun Microsystems, 1993; freely redistributable with this notice),
// as in musl's __sin.c: sin on [-pi/4, pi/4] by a degree-13 polynomial, Remez error
// below 2^-58.
const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 0.0000027557313707070068;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;

/** sin(x + y) for |x| <= ~pi/4; y, the tail of the reduced argument, is used when `hasTail`. */
export function kernelSin(x: number, y: number, hasTail: boolean): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (!hasTail) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}
