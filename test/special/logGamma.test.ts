import { describe, expect, it } from 'vitest';
import { logGamma } from '../../src/special/logGamma.ts';

describe('logGamma', () => {
  it('matches factorials and high-precision values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // From mpmath at 30 digits.
    const cases: [number, number][] = [
      [1e-5, 11.512919692895826],
      [0.1, 2.252712651734206],
      [3.7, 1.428072326665388],
      [100, 359.1342053695754],
    ];
    for (const [x, expected] of cases) {
      expect(Math.abs(logGamma(x) - expected) / expected).toBeLessThan(1e-14);
    }
  });

  it('stays finite where Gamma overflows', () => {
    expect(logGamma(1e6)).toBeCloseTo(
      1e6 * Math.log(1e6) - 1e6 - 0.5 * Math.log(1e6 / (2 * Math.PI)),
      3,
    );
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow('logGamma: x must be > 0 (got -1)');
    expect(() => logGamma(Number.NaN)).toThrow(RangeError);
  });
});
