/**
 * A caller's policy on a graph edge (`caller` on a step, a chain or a fan-out): the calling
 * function retries, hedges or gives up on that one hop, as the root caller does for the
 * client. Closed forms with fixed seeds, tolerances from the sample sizes.
 */
import { describe, expect, it } from 'vitest';
import {
  binomialTolerance,
  platformModel,
  prepare,
  run,
} from '../../experiments/experimentHelpers.ts';

const base = {
  seed: 'edge-caller',
  duration: '300s',
  warmup: '5s',
  replications: 2,
  platform: platformModel({ coldStart: { sandbox: '10ms' } }),
  workload: { poisson: { perSecond: 20 } },
};

/** a calls b once; b crashes its instance with probability p; the edge a -> b retries errors. */
function retriedHop(p: number, attempts: number) {
  return run({
    ...base,
    function: { execution: { exponential: { mean: 5 } } },
    functions: { b: { crashProbability: p } },
    graph: {
      custom: {
        entry: 'a',
        functions: {
          a: {
            steps: [
              {
                call: 'b',
                caller: { retry: { attempts, on: ['error'], backoff: { base: '5ms' } } },
              },
            ],
          },
          b: {},
        },
      },
    },
  })[0];
}

describe('retries on one hop of a graph', () => {
  it("one attempt: the share of roots that fail is the hop's crash probability", () => {
    const p = 0.2;
    const point = retriedHop(p, 1);
    const c = point.calls;
    expect(Math.abs(c.crashed! / c.arrivals - p)).toBeLessThan(binomialTolerance(p, c.arrivals));
  });

  it('n attempts: p^n of the roots fail, and b runs (1 - p^n) / (1 - p) times per root', () => {
    const p = 0.2;
    const n = 3;
    const point = retriedHop(p, n);
    const c = point.calls;
    expect(Math.abs(c.crashed! / c.arrivals - p ** n)).toBeLessThan(
      binomialTolerance(p ** n, c.arrivals),
    );
    expect(c.completed + c.crashed!).toBe(c.arrivals);
    // Function invocations per replication (a and b, the drain included): b's per root.
    const perRoot = (point.cost.requests * 2) / c.arrivals - 1;
    const mean = (1 - p ** n) / (1 - p);
    // Attempts lie in 1..n (variance at most n^2 / 4); the drain's few calls are in the slack.
    expect(Math.abs(perRoot - mean)).toBeLessThan(4 * Math.sqrt(n ** 2 / 4 / c.arrivals) + 0.002);
  });
});

describe('a timeout on one hop', () => {
  it('gives up on a slow callee: every root times out after the caller waited its timeout', () => {
    const [point] = run({
      ...base,
      duration: '60s',
      function: { execution: 0 },
      functions: { f2: { execution: 100 } },
      graph: { chain: { depth: 2, caller: { timeout: '30ms' } } },
    });
    const c = point.calls;
    expect(c.arrivals).toBeGreaterThan(0);
    expect(c.timedOut).toBe(c.arrivals);
    expect(c.completed).toBe(0);
  });

  it('a retry of timeouts saves the calls that met a cold start (10 ms start + 20 ms run)', () => {
    const chain = (caller: Record<string, unknown>) =>
      run({
        ...base,
        duration: '60s',
        function: { execution: 0 },
        functions: { f2: { execution: 20 } },
        graph: { chain: { depth: 2, caller } },
      })[0].calls;
    const once = chain({ timeout: '25ms' });
    // New instances start as Poisson arrivals overlap: those calls wait 30 ms, past the timeout.
    expect(once.timedOut).toBeGreaterThan(0);
    expect(once.completed + once.timedOut).toBe(once.arrivals);
    const retried = chain({ timeout: '25ms', retry: { attempts: 3 } });
    // The retry finds a warm instance (the one the first attempt started).
    expect(retried.timedOut).toBeLessThan(once.timedOut);
    expect(retried.completed + retried.timedOut).toBe(retried.arrivals);
  });
});

describe('hedging each call of a fan-out', () => {
  // One leaf call, service S exponential (mean 20 ms), a hedge after d = 10 ms, both copies
  // left to run: T = min(S1, d + S2), P(T > t) = P(S > t) P(S > t - d) beyond d, so
  // t99 = (20 ln 100 + d) / 2; without the hedge 20 ln 100.
  const mean = 20;
  const d = 10;
  const hedged = (mean * Math.log(100) + d) / 2;
  const alone = mean * Math.log(100);

  function fanOut(caller?: Record<string, unknown>) {
    return run({
      ...base,
      function: { execution: { exponential: { mean } } },
      functions: { root: { execution: 0 } },
      graph: { fanOut: { width: 1, ...(caller ? { caller } : {}) } },
    })[0];
  }

  it('p99 follows P(S > t) P(S > t - d); without the hedge, P(S > t)', () => {
    const withHedge = fanOut({ hedge: { after: d } });
    const without = fanOut();
    const n = withHedge.calls.completed;
    // Standard error of a sample quantile: sqrt(q (1 - q) / n) / density at the quantile; the
    // density of T at t99 is (2 / mean) x 0.01, of S (1 / mean) x 0.01. 1% more for the bins.
    const se = (density: number) => Math.sqrt((0.99 * 0.01) / n) / density;
    const t99 = withHedge.endToEnd.p99.value!;
    expect(Math.abs(t99 - hedged)).toBeLessThan(4 * se((2 / mean) * 0.01) + 0.01 * hedged);
    const s99 = without.endToEnd.p99.value!;
    expect(Math.abs(s99 - alone)).toBeLessThan(4 * se((1 / mean) * 0.01) + 0.01 * alone);
    // The extra calls: a hedge for every leaf call slower than d, P(S > d) = e^(-d / mean).
    const leafCalls = (r: typeof withHedge) => (r.cost.requests * 2) / r.calls.arrivals - 1;
    const extra = leafCalls(withHedge) - leafCalls(without);
    expect(Math.abs(extra - Math.exp(-d / mean))).toBeLessThan(
      binomialTolerance(Math.exp(-d / mean), n) + 0.002,
    );
  });
});

describe('a caller on a graph edge is checked like the root caller', () => {
  const graphWith = (graph: Record<string, unknown>) => () =>
    prepare({ ...base, graph, workload: { poisson: { perSecond: 1 } } });
  const custom = (step: Record<string, unknown>) => ({
    custom: { entry: 'a', functions: { a: { steps: [{ call: 'b', ...step }] }, b: {} } },
  });

  it('names the field and the reason', () => {
    expect(graphWith(custom({ caller: { retry: { attempts: 0 } } }))).toThrow(
      /graph\.custom\.functions\.a\.steps\[0\]\.caller\.retry\.attempts: must be >= 1/,
    );
    expect(graphWith({ fanOut: { width: 2, caller: { hedge: { after: '-5ms' } } } })).toThrow(
      /graph\.fanOut\.caller\.hedge\.after/,
    );
    expect(graphWith({ chain: { depth: 2, caller: { timeout: 0 } } })).toThrow(
      /graph\.chain\.caller\.timeout/,
    );
  });

  it('an unknown option is refused with the options there are', () => {
    expect(graphWith(custom({ caller: { retries: { attempts: 2 } } }))).toThrow(
      /caller: unknown field "retries" \(allowed: timeout, retry, hedge\)/,
    );
    // The callee's errors are its own: `failure` is the root caller's alone.
    expect(graphWith(custom({ caller: { failure: 0.1 } }))).toThrow(
      /caller: unknown field "failure" \(allowed: timeout, retry, hedge\)/,
    );
  });

  it('a fire-and-forget step or chain has no answer to retry', () => {
    expect(graphWith(custom({ async: true, caller: { timeout: '1s' } }))).toThrow(
      /steps\[0\]\.caller: needs answers to wait for/,
    );
    expect(graphWith({ chain: { depth: 2, async: true, caller: { timeout: '1s' } } })).toThrow(
      /graph\.chain\.caller: needs answers to wait for/,
    );
  });
});
