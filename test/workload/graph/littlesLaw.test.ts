import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/experiments/replication.ts';
import { replicationSeed } from '../../../src/experiments/runExperiment.ts';
import { platformModel, prepare } from '../../experiments/experimentHelpers.ts';

/**
 * Little's law, L = lambda W, for the instances a synchronous chain holds.
 *
 * A call to f_i holds its instance from the moment it gets it until f_i is done, and f_i waits
 * for the rest of the chain: its own run (mean m), then the call to f_(i+1) (out and back
 * across the network, 2n, the router, s, and f_(i+1)'s holding time). With cold starts that
 * take no time (no queue either), the mean holding time of f_i in a chain of depth d is
 *   W_i = (d - i + 1) m + (d - i) (2n + s),
 * so f_1 holds about d times the instances a lone function would, and the whole chain holds
 * lambda * sum_i W_i = lambda (d (d + 1) / 2 m + d (d - 1) / 2 (2n + s)) on average.
 *
 * A keep-alive of zero reclaims an instance as soon as it is idle, so the recorder's mean
 * instance count is the mean number of busy instances; the timeline's busy level is f_1's.
 * Tolerance: 4 standard errors of the mean over independent replications.
 */
const LAMBDA = 20 / 1000; // roots per ms
const M = 40; // mean run time, ms (exponential)
const NET = 1.5; // one way, ms
const SCHED = 2; // ms
const REPLICATIONS = 10;
const WARMUP = 10_000;
const DURATION = 310_000;

function holding(d: number, i: number): number {
  return (d - i + 1) * M + (d - i) * (2 * NET + SCHED);
}

describe("Little's law for a synchronous chain under Poisson load", () => {
  for (const d of [1, 4]) {
    it(`depth ${d}: mean busy instances = lambda x mean holding time`, () => {
      const prepared = prepare({
        duration: DURATION,
        warmup: WARMUP,
        platform: platformModel({
          keepAlive: 0,
          network: `${NET}ms`,
          scheduler: `${SCHED}ms`,
          coldStart: { sandbox: 0 },
        }),
        function: { execution: { exponential: { mean: M } } },
        graph: { chain: { depth: d } },
        workload: { poisson: { perSecond: LAMBDA * 1000 } },
        timeline: { window: WARMUP },
      });
      const resolved = prepared.points[0].resolved;
      const all: number[] = [];
      const entry: number[] = [];
      for (let r = 0; r < REPLICATIONS; r++) {
        const data = runReplication(resolved, replicationSeed(prepared.spec.seed, r));
        // Conservation: the roots not answered by the end are few (they started near the end).
        const inFlight = data.arrivals - data.completed - data.throttled - data.timedOut;
        expect(inFlight).toBeGreaterThanOrEqual(0);
        expect(inFlight).toBeLessThan(20);
        all.push(data.instances.mean);
        // f_1's busy level per window, averaged over the windows after the warm-up.
        const busy = data.timeline!.series.gauges.busy.mean.slice(1);
        entry.push(mean(busy));
      }
      let total = 0;
      for (let i = 1; i <= d; i++) total += LAMBDA * holding(d, i);
      // What the law would give if the hops between functions held no instance.
      const free = (i: number) => (d - i + 1) * M;
      let totalFree = 0;
      for (let i = 1; i <= d; i++) totalFree += LAMBDA * free(i);
      const checks: [string, number[], number, number][] = [
        ['all functions', all, total, totalFree],
        ['f1', entry, LAMBDA * holding(d, 1), LAMBDA * free(1)],
      ];
      for (const [what, values, theory, wrong] of checks) {
        const { mean, se } = meanAndStandardError(values);
        expect(
          Math.abs(mean - theory),
          `${what}: simulated ${mean} (se ${se}), theory ${theory}`,
        ).toBeLessThanOrEqual(4 * se);
        // With d > 1 the check is sharp enough to tell the hops' share apart.
        if (d > 1) expect(Math.abs(mean - wrong)).toBeGreaterThan(4 * se);
      }
    });
  }
});

function meanAndStandardError(values: number[]): { mean: number; se: number } {
  return { mean: mean(values), se: Math.sqrt(sampleVariance(values) / values.length) };
}
