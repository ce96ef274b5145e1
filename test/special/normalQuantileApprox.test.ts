import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/special/normalQuantile.ts';
import { normalQuantileApprox } from '../../src/special/normalQuantileApprox.ts';

describe('normalQuantileApprox', () => {
  it('is within Acklam’s 1.15e-9 relative error in every region', () => {
    for (const p of [1e-200, 1e-9, 0.001, 0.02, 0.0243, 0.1, 0.3, 0.7, 0.97, 0.98, 0.999999]) {
      const exact = normalQuantile(p);
      expect(Math.abs(normalQuantileApprox(p) - exact) / Math.abs(exact)).toBeLessThan(1.2e-9);
    }
  });

  it('gives the infinities at the ends and NaN outside', () => {
    expect(normalQuantileApprox(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantileApprox(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantileApprox(-1)).toBeNaN();
    expect(normalQuantileApprox(Number.NaN)).toBeNaN();
  });

  it('is monotone across its region boundaries', () => {
    let prev = Number.NEGATIVE_INFINITY;
    for (let p = 1e-4; p < 1; p += 1e-4) {
      const x = normalQuantileApprox(p);
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
  });
});
