import { describe, expect, it } from 'vitest';
import { erfSmall } from '../../src/special/erfSmall.ts';

describe('erfSmall', () => {
  it('matches high-precision erf values on |x| <= 0.46875', () => {
    // From mpmath at 30 digits.
    const cases: [number, number][] = [
      [1e-10, 1.1283791670955126e-10],
      [0.1, 0.1124629160182849],
      [0.3, 0.3286267594591274],
      [-0.4, -0.4283923550466685],
    ];
    for (const [x, expected] of cases) {
      expect(Math.abs(erfSmall(x) - expected) / Math.abs(expected)).toBeLessThan(1e-15);
    }
    expect(erfSmall(0)).toBe(0);
  });
});
