import { describe, expect, it } from 'vitest';
import { binomialTolerance, platformModel, run } from '../../experiments/experimentHelpers.ts';

/**
 * A caller's timeout on a leaf function with exponential execution (mean 100 ms) and a platform
 * that adds no time: the share given up is P(S > T) = exp(-T / 100), and the answered calls all
 * took at most T.
 */
describe('caller.timeout', () => {
  const base = {
    seed: 'client-timeout',
    duration: '200s',
    warmup: '5s',
    replications: 2,
    platform: platformModel(),
    function: { execution: { exponential: { mean: 100 } } },
    workload: { poisson: { perSecond: 20 } },
  };

  it('gives up on the share P(S > T), and answered calls took at most T', () => {
    const [p] = run({ ...base, caller: { timeout: '150ms' } });
    const c = p.calls;
    const n = c.completed + c.clientTimedOut!;
    expect(n).toBe(c.arrivals);
    const expected = Math.exp(-1.5);
    expect(Math.abs(c.clientTimedOut! / n - expected)).toBeLessThan(binomialTolerance(expected, n));
    expect(p.endToEnd.max!).toBeLessThanOrEqual(150);
  });

  it('bills the calls it gave up on: the bill is the same as without a timeout', () => {
    const [with_] = run({ ...base, caller: { timeout: '150ms' } });
    const [without] = run(base);
    // Same seed, same arrivals, same executions: the platform ran every call to its end.
    expect(with_.cost.usd).toBe(without.cost.usd);
    expect(without.calls.clientTimedOut ?? 0).toBe(0);
  });
});
