import { describe, expect, it } from 'vitest';
import { erfcx } from '../../src/special/erfcx.ts';

describe('erfcx', () => {
  it('matches high-precision values on every interval of the approximation', () => {
    // exp(x^2) erfc(x) from mpmath at 30 digits.
    const cases: [number, number][] = [
      [-2, 108.94090438997797],
      [-0.2, 1.2726020284831956],
      [0.3, 0.7345993345676551],
      [1, 0.427583576155807],
      [3, 0.17900115118138996],
      [5, 0.11070463773306863],
      [30, 0.01879588886141675],
    ];
    for (const [x, expected] of cases) {
      expect(Math.abs(erfcx(x) - expected) / expected).toBeLessThan(1e-14);
    }
  });

  it('behaves at the extremes', () => {
    expect(erfcx(0)).toBe(1);
    expect(erfcx(1e10) * 1e10 * Math.sqrt(Math.PI)).toBeCloseTo(1, 14);
    expect(erfcx(-30)).toBe(Number.POSITIVE_INFINITY);
    expect(erfcx(Number.NaN)).toBeNaN();
  });
});
