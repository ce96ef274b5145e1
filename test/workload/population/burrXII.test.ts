import { afterEach, describe, expect, it, vi } from 'vitest';
import { logGamma } from '../../../src/special/logGamma.ts';
import { BurrXII } from '../../../src/workload/population/burrXII.ts';

// The memory fit of Shahrad et al. (azure2019.ts): c * k = 2.58, so the mean exists.
const [C, K, LAMBDA] = [11.652, 0.221, 107.083];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BurrXII', () => {
  it('works out its mean on first use, not when it is built (a module that builds one at load stays cheap)', () => {
    const quantile = vi.spyOn(BurrXII.prototype, 'quantile');
    const d = new BurrXII(C, K, LAMBDA);
    expect(quantile).not.toHaveBeenCalled();
    const mean = d.mean;
    expect(quantile.mock.calls.length).toBeGreaterThan(0);
    const calls = quantile.mock.calls.length;
    expect(d.mean).toBe(mean);
    expect(quantile.mock.calls.length).toBe(calls);
  });

  it('has the closed-form mean, to the midpoint rule’s error in its last cell', () => {
    // E[X] = lambda k B(k - 1/c, 1 + 1/c) for c k > 1.
    const exact =
      LAMBDA * K * Math.exp(logGamma(K - 1 / C) + logGamma(1 + 1 / C) - logGamma(K + 1));
    // The midpoint rule over p (10,000 cells of h = 1e-4) misses most in the last cell, where
    // Q(p) ~ lambda (1 - p)^-a with a = 1/(c k): there the integral is lambda h^(1-a)/(1-a)
    // and the rule takes lambda h (h/2)^-a. Twice that difference bounds the whole error.
    const a = 1 / (C * K);
    const h = 1e-4;
    const lastCell = LAMBDA * h ** (1 - a) * (1 / (1 - a) - 2 ** a);
    const mean = new BurrXII(C, K, LAMBDA).mean;
    expect(mean).toBeLessThan(exact);
    expect(exact - mean).toBeLessThan(2 * lastCell);
  });

  it('has an infinite mean when c k <= 1', () => {
    expect(new BurrXII(2, 0.5, 100).mean).toBe(Number.POSITIVE_INFINITY);
  });
});
