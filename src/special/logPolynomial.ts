/**
 * The polynomial part of fdlibm's logarithms (e_log.c, e_log2.c, e_log10.c, s_log1p.c;
 * Sun Microsystems, 1993, freely redistributable with this notice): with s = f / (2 + f),
 * log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)), and this is R, a Remez polynomial in
 * s^2 of degree 14 whose error is below 2^-58.45 on the reduced range.
 */
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

export function logPolynomial(s: number): number {
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  return t2 + t1;
}
