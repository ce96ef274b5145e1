import { erfSmall } from './erfSmall.ts';
import { exp } from './exp.ts';

/**
 * The scaled complementary error function exp(x^2) * erfc(x).
 *
 * W. J. Cody's rational Chebyshev approximations (CALERF, Math. Comp. 1969, as in
 * SPECFUN), accurate to about 1e-16 relative. The scaled form is the primitive
 * rather than erfc itself because it never underflows: callers that need ratios
 * of far tails (truncated normals, Mills ratios) can cancel the exp(-x^2) factors
 * analytically instead of dividing two denormals.
 *
 * Coefficients are Cody's, written as the shortest decimals of the same doubles.
 */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    // exp(x^2) <= 1.25 here, so rescaling erf's complement loses nothing.
    return exp(x * x) * (1 - erfSmall(x));
  }
  if (y <= 4) {
    let num = 2.1531153547440383e-8 * y;
    let den = y;
    num = (num + 0.5641884969886701) * y;
    den = (den + 15.744926110709835) * y;
    num = (num + 8.883149794388377) * y;
    den = (den + 117.6939508913125) * y;
    num = (num + 66.11919063714163) * y;
    den = (den + 537.1811018620099) * y;
    num = (num + 298.6351381974001) * y;
    den = (den + 1621.3895745666903) * y;
    num = (num + 881.952221241769) * y;
    den = (den + 3290.7992357334597) * y;
    num = (num + 1712.0476126340707) * y;
    den = (den + 4362.619090143247) * y;
    num = (num + 2051.0783778260716) * y;
    den = (den + 3439.3676741437216) * y;
    result = (num + 1230.3393547979972) / (den + 1230.3393548037495);
  } else if (y >= 6.71e7) {
    // The asymptotic 1/(y sqrt(pi)) is exact to double precision; the rational's
    // 1/y^2 would underflow its correction term to nothing anyway.
    result = 0.5641895835477563 / y;
  } else {
    const ysq = 1 / (y * y);
    let num = 0.016315387137302097 * ysq;
    let den = ysq;
    num = (num + 0.30532663496123236) * ysq;
    den = (den + 2.568520192289822) * ysq;
    num = (num + 0.36034489994980445) * ysq;
    den = (den + 1.8729528499234673) * ysq;
    num = (num + 0.12578172611122926) * ysq;
    den = (den + 0.5279051029514285) * ysq;
    num = (num + 0.016083785148742275) * ysq;
    den = (den + 0.06051834131244132) * ysq;
    result = (ysq * (num + 0.0006587491615298378)) / (den + 0.0023352049762686918);
    result = (0.5641895835477563 - result) / y;
  }
  if (x >= 0) return result;
  // erfcx(-y) = 2 exp(y^2) - erfcx(y); split y^2 as Cody does so that the large
  // exponential is computed without the rounding error of y*y.
  if (x < -26.628) return Number.POSITIVE_INFINITY;
  const head = Math.trunc(x * 16) / 16;
  const del = (x - head) * (x + head);
  const big = exp(head * head) * exp(del);
  return big + big - result;
}
