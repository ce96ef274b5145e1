import { prepareExperiment } from '../../../src/experiments/prepare.ts';
import { runExperiment } from '../../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../../src/models/registry.ts';
import type { BenchCase } from './index.ts';

const registry = presetRegistry();
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** Runs an experiment of one point; its requests (root arrivals) and calls sent, per second of run. */
function timeRun(experiment: Record<string, unknown>) {
  const prepared = prepareExperiment(
    { name: 'bench', description: 'bench', replications: 1, ...experiment },
    { models: registry },
  );
  const t0 = performance.now();
  const { results } = runExperiment(prepared);
  const seconds = (performance.now() - t0) / 1000;
  const p = results.points[0];
  const requests = p.client?.requests ?? p.calls.arrivals;
  const calls = requests * (p.client?.callsPerRequest ?? 1);
  // Function invocations of the run (one replication): every call that ran, hedged copies included.
  const billed = p.cost.requests;
  return { seconds, requests, calls, hops: calls * (p.cold.meanHops ?? 1), billed };
}

/**
 * A fan-out of 20 leaves, hedged at the client after the p90 of the latencies seen: the
 * caller's bookkeeping (a map of live calls, a timer per attempt, the percentile's histogram)
 * on top of the whole path. Reported in requests and in calls (hedges included) per second.
 */
export const hedgedFanOut: BenchCase = {
  name: 'client: hedged fan-out of 20',
  run() {
    const experiment = {
      duration: '200s',
      client: 'same-region',
      platform: 'aws-lambda-2019',
      platformOverrides: { maxConcurrency: 'unlimited' },
      graph: { fanOut: { width: 20 } },
      function: { execution: { lognormal: { p50: '5ms', p99: '50ms' } } },
      workload: { poisson: { perSecond: 500 } },
      caller: { hedge: { after: { percentile: 90 } } },
    };
    timeRun({ ...experiment, duration: '20s' }); // JIT warm-up
    const r = timeRun(experiment);
    return {
      json: {
        hedgedFanOut: {
          requestsPerSecond: Math.round(r.requests / r.seconds),
          callsPerSecond: Math.round(r.hops / r.seconds),
        },
      },
      text: `Hedged fan-out (same-region -> aws-lambda-2019, 20 leaves, hedge after the p90), Poisson 500/s\n  ${fmt(r.requests)} requests, ${fmt(r.hops)} calls (leaves and hedges) in ${r.seconds.toFixed(2)} s: ${fmt(r.requests / r.seconds)} requests/s, ${fmt(r.hops / r.seconds)} calls/s`,
    };
  },
};

/**
 * A fan-out of 20 leaves whose root hedges each leaf call on its own after 20 ms (the tail at
 * scale, hedged per edge: `graph.fanOut.caller`): the edge's bookkeeping (a map of live copies,
 * a timer per call, the hedges) on every leaf call. Reported in requests and in calls (leaves
 * and hedged copies, from the calls billed) per second.
 */
export const hedgedFanOutPerEdge: BenchCase = {
  name: 'client: hedged fan-out of 20, per leaf call',
  run() {
    const experiment = {
      duration: '200s',
      client: 'same-region',
      platform: 'aws-lambda-2019',
      platformOverrides: { maxConcurrency: 'unlimited' },
      graph: { fanOut: { width: 20, caller: { hedge: { after: '20ms' } } } },
      function: { execution: { lognormal: { p50: '5ms', p99: '50ms' } } },
      workload: { poisson: { perSecond: 500 } },
    };
    timeRun({ ...experiment, duration: '20s' }); // JIT warm-up
    const r = timeRun(experiment);
    return {
      json: {
        hedgedFanOutPerEdge: {
          requestsPerSecond: Math.round(r.requests / r.seconds),
          callsPerSecond: Math.round(r.billed / r.seconds),
        },
      },
      text: `Hedged fan-out per leaf call (same-region -> aws-lambda-2019, 20 leaves, each hedged after 20 ms), Poisson 500/s\n  ${fmt(r.requests)} requests, ${fmt(r.billed)} calls (root, leaves and copies) in ${r.seconds.toFixed(2)} s: ${fmt(r.requests / r.seconds)} requests/s, ${fmt(r.billed / r.seconds)} calls/s`,
    };
  },
};

/**
 * A burst into a throttled function whose callers retry every refusal up to 8 times with full
 * jitter: most calls are refused (cheap: no instance) and come back, so the caller's retries
 * and timers dominate. Reported in calls per second (attempts included).
 */
export const retryStorm: BenchCase = {
  name: 'client: retry storm on a throttled burst',
  run() {
    const experiment = {
      duration: '120s',
      warmup: '10s',
      client: 'same-region',
      platform: 'aws-lambda-2019',
      platformOverrides: { maxConcurrency: 200 },
      function: { execution: { lognormal: { p50: '100ms', p99: '300ms' } } },
      workload: { burst: { base: 100, peak: 5000, at: '30s', duration: '60s' } },
      caller: { retry: { attempts: 8, on: ['throttled'], backoff: { base: '100ms' } } },
    };
    timeRun({ ...experiment, duration: '40s' }); // JIT warm-up
    const r = timeRun(experiment);
    return {
      json: {
        retryStorm: {
          callsPerSecond: Math.round(r.calls / r.seconds),
          requestsPerSecond: Math.round(r.requests / r.seconds),
        },
      },
      text: `Retry storm (same-region -> aws-lambda-2019 at 200 calls at once, burst 5000/s for 60 s, 8 attempts, full jitter)\n  ${fmt(r.requests)} requests, ${fmt(r.calls)} calls in ${r.seconds.toFixed(2)} s: ${fmt(r.calls / r.seconds)} calls/s`,
    };
  },
};
