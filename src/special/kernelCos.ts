// fdlibm's k_cos.c (Sun Microsystems, 1993; freely redistributable with this notice),
// as in musl's __cos.c: cos on [-pi/4, pi/4] by a degree-14 polynomial, Remez error
// below 2^-58, with 1 - x^2/2 split so that its rounding error is kept.
const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 0.00002480158728947673;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;

/** cos(x + y) for |x| <= ~pi/4, y the tail of the reduced argument. */
export function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const head = 1 - hz;
  return head + (1 - head - hz + (z * r - x * y));
}
