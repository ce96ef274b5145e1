import { describe, expect, it } from 'vitest';
import { binomialTolerance, platformModel, run } from '../../experiments/experimentHelpers.ts';

/**
 * Failures and retries on a leaf function whose platform adds no time: each attempt fails with
 * probability p, independently, and at most n are made. Attempts per request A has
 * P(A = k) = p^(k-1) (1 - p) for k < n and P(A = n) = p^(n-1): mean (1 - p^n) / (1 - p); the
 * share that fails in the end is p^n.
 */
function attemptsMoments(p: number, n: number): { mean: number; variance: number } {
  let mean = 0;
  let square = 0;
  for (let k = 1; k <= n; k++) {
    const pk = k < n ? p ** (k - 1) * (1 - p) : p ** (n - 1);
    mean += k * pk;
    square += k * k * pk;
  }
  return { mean, variance: square - mean * mean };
}

const base = {
  seed: 'client-retries',
  duration: '300s',
  warmup: '5s',
  replications: 2,
  platform: platformModel(),
  function: { execution: { exponential: { mean: 20 } } },
  workload: { poisson: { perSecond: 20 } },
};

describe('caller.failure and caller.retry', () => {
  it('without retries, the failed share is p; every failed call is billed', () => {
    const p = 0.2;
    const [point] = run({ ...base, caller: { failure: p } });
    const c = point.calls;
    const n = point.client!.requests;
    expect(n).toBe(c.arrivals);
    expect(Math.abs(c.failed! / n - p)).toBeLessThan(binomialTolerance(p, n));
    expect(point.client!.attemptsPerRequest).toBe(1);
    // Failed calls ran: the function billed every call (cost.requests is per replication, over
    // the whole run), not only the completed ones.
    expect(point.cost.requests * 2).toBeGreaterThanOrEqual(c.arrivals);
  });

  for (const [p, n] of [
    [0.3, 3],
    [0.5, 4],
  ] as const) {
    it(`with p ${p} and ${n} attempts: mean attempts (1 - p^n) / (1 - p), failed share p^n`, () => {
      const [point] = run({
        ...base,
        caller: { failure: p, retry: { attempts: n, backoff: { base: '10ms' } } },
      });
      const client = point.client!;
      const requests = client.requests;
      const { mean, variance } = attemptsMoments(p, n);
      expect(mean).toBeCloseTo((1 - p ** n) / (1 - p), 12);
      expect(Math.abs(client.attemptsPerRequest! - mean)).toBeLessThan(
        4 * Math.sqrt(variance / requests),
      );
      expect(Math.abs(client.failedShare! - p ** n)).toBeLessThan(
        binomialTolerance(p ** n, requests),
      );
      expect(client.retries).toBe(client.attempts - requests);
      // Retries are billed: the attempts beyond the first took a share of the billed time near
      // their share of the attempts (each runs as long, in law, as the first).
      const extraShare = client.retries / client.attempts;
      expect(Math.abs(client.extraBilledShare! - extraShare)).toBeLessThan(0.1 * extraShare);
    });
  }

  it('retries only what `on` names: errors not retried when on is [throttled]', () => {
    const [point] = run({
      ...base,
      caller: { failure: 0.3, retry: { attempts: 3, on: ['throttled'] } },
    });
    expect(point.client!.attemptsPerRequest).toBe(1);
  });

  it('a retry waits its backoff: with no jitter, a request retried once took at least base', () => {
    const [point] = run({
      ...base,
      function: { execution: { constant: 5 } },
      caller: {
        failure: 0.5,
        retry: { attempts: 2, backoff: { base: '200ms', jitter: 'none' } },
      },
    });
    // Half the requests answer at once (5 ms), the others after 5 + 200 + 5 ms or fail.
    expect(point.endToEnd.p50.value).toBeLessThan(10);
    expect(point.endToEnd.max).toBeGreaterThanOrEqual(210);
    expect(point.endToEnd.p99.value).toBeGreaterThanOrEqual(210);
  });

  it('retries timeouts: a timed-out attempt is tried again, and the share given up is P(S > T)^n', () => {
    const [point] = run({
      ...base,
      function: { execution: { exponential: { mean: 100 } } },
      caller: { timeout: '100ms', retry: { attempts: 2, backoff: { base: '1ms' } } },
    });
    const q = Math.exp(-1);
    const requests = point.client!.requests;
    expect(Math.abs(point.client!.timedOutShare! - q * q)).toBeLessThan(
      binomialTolerance(q * q, requests),
    );
  });
});

describe('a retry storm on a throttled burst', () => {
  const burst = {
    seed: 'client-storm',
    duration: '60s',
    warmup: '0s',
    replications: 1,
    platform: platformModel({ maxConcurrency: 20, coldStart: { sandbox: '200ms' } }),
    function: { execution: { constant: 100 } },
    workload: {
      piecewise: {
        points: [
          { at: 0, perSecond: 50 },
          { at: '20s', perSecond: 600 },
          { at: '25s', perSecond: 50 },
          { at: '45s', perSecond: 0 },
        ],
      },
    },
  };

  it('retries add calls, and the calls sent exceed the requests by the retries', () => {
    const [once] = run(burst);
    const [retried] = run({
      ...burst,
      caller: { retry: { attempts: 5, on: ['throttled'], backoff: { base: '50ms' } } },
    });
    expect(once.calls.throttled).toBeGreaterThan(0);
    const c = retried.client!;
    expect(c.retries).toBeGreaterThan(0);
    expect(c.attemptsPerRequest!).toBeGreaterThan(1);
    expect(c.attemptsPerRequest!).toBeLessThanOrEqual(5);
    // Some requests still fail after 5 throttled attempts, fewer than without retries.
    expect(retried.calls.throttled).toBeLessThan(once.calls.throttled);
    // Each retry is a real call the platform counted.
    expect(retried.cost.requests).toBeGreaterThan(once.cost.requests);
  });
});
