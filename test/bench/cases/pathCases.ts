import { prepareExperiment } from '../../../src/experiments/prepare.ts';
import { runExperiment } from '../../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../../src/models/registry.ts';
import type { BenchCase } from './index.ts';

const registry = presetRegistry();

function timeRun(experiment: Record<string, unknown>): {
  seconds: number;
  calls: number;
  events: number;
  results: ReturnType<typeof runExperiment>['results'];
} {
  const prepared = prepareExperiment(
    { name: 'bench', description: 'bench', replications: 1, ...experiment },
    { models: registry },
  );
  const t0 = performance.now();
  const { results } = runExperiment(prepared);
  const seconds = (performance.now() - t0) / 1000;
  const p = results.points[0];
  return { seconds, calls: p.calls.arrivals, events: 0, results };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** One million calls of one warm function through internet hop, gateway, network, scheduler and pool. */
export const pathWarm: BenchCase = {
  name: 'path: one warm function, 1M calls',
  run() {
    const experiment = {
      duration: '1000s',
      client: 'us-typical',
      platform: 'aws-lambda-2019-http-api',
      workload: { poisson: { perSecond: 1000 } },
    };
    timeRun({ ...experiment, duration: '100s' }); // JIT warm-up
    const r = timeRun(experiment);
    const cps = r.calls / r.seconds;
    return {
      json: { path: { warmCallsPerSecond: Math.round(cps), calls: r.calls } },
      text: `Whole path (us-typical -> aws-lambda-2019-http-api), one warm function, Poisson 1000/s\n  ${fmt(r.calls)} calls in ${r.seconds.toFixed(2)} s: ${fmt(cps)} calls/s (target >= 1,000,000)`,
    };
  },
};

/** Per-call cost with 1,000 busy instances against 10: should not grow with the pool. */
export const poolSize: BenchCase = {
  name: 'path: 1,000 busy instances vs 10',
  run() {
    const run = (busy: number) =>
      timeRun({
        // Execution 1 s, so `busy` calls per second keep `busy` instances busy; 500k calls either way.
        duration: `${Math.round(500_000 / busy)}s`,
        warmup: '5s',
        client: 'same-region',
        platform: 'aws-lambda-2019',
        platformOverrides: { maxConcurrency: 'unlimited' },
        function: { execution: { exponential: { mean: '1s' } } },
        workload: { poisson: { perSecond: busy } },
      });
    run(10);
    run(1000);
    const small = run(10);
    const large = run(1000);
    const cpsSmall = small.calls / small.seconds;
    const cpsLarge = large.calls / large.seconds;
    return {
      json: {
        pool: {
          callsPerSecond10: Math.round(cpsSmall),
          callsPerSecond1000: Math.round(cpsLarge),
          ratio: Number((cpsLarge / cpsSmall).toFixed(3)),
          meanInstances1000: Number(large.results.points[0].instances.mean.toFixed(1)),
        },
      },
      text: [
        'Pool size: the same calls with about 10 and about 1,000 instances busy',
        `  10 busy     ${fmt(cpsSmall)} calls/s`,
        `  1,000 busy  ${fmt(cpsLarge)} calls/s (mean instances ${large.results.points[0].instances.mean.toFixed(0)})`,
        `  ratio 1000/10 ${(cpsLarge / cpsSmall).toFixed(3)} (pool and event queue are O(1) per call; what remains is memory: 1,000 live calls and instances miss the caches and outlive young-generation GC)`,
      ].join('\n'),
    };
  },
};

/** A depth-5 chain with cold starts: every hop a call, short keep-alive so instances come and go. */
export const chainCold: BenchCase = {
  name: 'path: depth-5 chain with cold starts',
  run() {
    const experiment = {
      duration: '2000s',
      client: 'us-typical',
      platform: 'aws-lambda-2019',
      platformOverrides: { keepAlive: '2s' },
      graph: { chain: { depth: 5 } },
      workload: { poisson: { perSecond: 100 } },
    };
    timeRun({ ...experiment, duration: '100s' });
    const r = timeRun(experiment);
    const hops = r.calls * 5;
    return {
      json: {
        chain: {
          rootsPerSecond: Math.round(r.calls / r.seconds),
          callsPerSecond: Math.round(hops / r.seconds),
          coldShare: r.results.points[0].cold.share.value,
        },
      },
      text: `Depth-5 chain, keep-alive 2 s, Poisson 100/s: ${fmt(r.calls)} roots (${fmt(hops)} calls) in ${r.seconds.toFixed(2)} s: ${fmt(hops / r.seconds)} calls/s; ${(100 * (r.results.points[0].cold.share.value ?? 0)).toFixed(1)}% of roots met a cold start`,
    };
  },
};

/**
 * The keep-alive scenario other simulators run: Poisson 0.9/s, exponential
 * execution of mean 2.016 s, an exponential cold start of mean 0.147 s,
 * keep-alive 600 s, one million simulated seconds, no network stages.
 */
export const keepAliveScenario: BenchCase = {
  name: 'keep-alive scenario (Poisson 0.9/s, 1e6 s)',
  run() {
    const experiment = {
      duration: '1000000s',
      client: { kind: 'client', name: 'inside', description: 'd', source: ['s'] },
      platform: {
        kind: 'platform',
        name: 'keepalive-bench',
        description: 'no network stages',
        source: ['bench'],
        coldStart: { functionInit: { exponential: { mean: '0.147s' } } },
        keepAlive: '600s',
      },
      function: { execution: { exponential: { mean: '2.016s' } } },
      workload: { poisson: { perSecond: 0.9 } },
    };
    timeRun({ ...experiment, duration: '100000s' });
    const r = timeRun(experiment);
    const p = r.results.points[0];
    return {
      json: {
        keepAlive: {
          seconds: Number(r.seconds.toFixed(3)),
          callsPerSecond: Math.round(r.calls / r.seconds),
          coldShare: p.cold.share.value,
          meanInstances: Number(p.instances.mean.toFixed(3)),
        },
      },
      text: `Keep-alive scenario: ${fmt(r.calls)} calls in ${r.seconds.toFixed(2)} s (${fmt(r.calls / r.seconds)} calls/s; a well-known Python simulator needs about 18 s); cold share ${((p.cold.share.value ?? 0) * 100).toFixed(3)}%, mean instances ${p.instances.mean.toFixed(2)}`,
    };
  },
};
