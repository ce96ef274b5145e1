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

/** One million calls of one warm function through internet hop, gateway, network, front end and pool. */
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

// Busy instances compared by the pool case; 10 and 1,000 are the pair. The
// steps between show how the cost grows: gradually, as the running calls outgrow
// one cache after another, not at a size where some algorithm changes.
const POOL_SIZES = [10, 100, 300, 1_000, 3_000, 10_000];
const POOL_ROUNDS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Per-call cost with 10 to 10,000 busy instances. The same Poisson 1,000
 * calls/s for 500 s in every case: only the execution time (mean `busy` ms)
 * changes, so the calls, their arrivals and their events are the same and
 * only the number of instances busy at once differs. Sizes run in turn,
 * round after round, and each is summarised by its median round, so that a
 * slow moment of the machine hits every size alike.
 */
export const poolSize: BenchCase = {
  name: 'path: 1,000 busy instances vs 10',
  run() {
    const run = (busy: number) =>
      timeRun({
        duration: '500s',
        client: 'same-region',
        platform: 'aws-lambda-2019',
        // No account limit and no burst pacing: 10,000 instances start at once.
        platformOverrides: {
          maxConcurrency: 'unlimited',
          burst: { initial: 1_000_000, perSecond: 1_000 },
        },
        function: { execution: { exponential: { mean: `${busy}ms` } } },
        workload: { poisson: { perSecond: 1_000 } },
      });
    for (const busy of POOL_SIZES) run(busy); // JIT warm-up
    const rates = POOL_SIZES.map((): number[] => []);
    const instances = POOL_SIZES.map(() => 0);
    for (let round = 0; round < POOL_ROUNDS; round++) {
      POOL_SIZES.forEach((busy, k) => {
        const r = run(busy);
        rates[k].push(r.calls / r.seconds);
        instances[k] = r.results.points[0].instances.mean;
      });
    }
    const cps = rates.map(median);
    const at = (busy: number) => POOL_SIZES.indexOf(busy);
    const ratio = cps[at(1_000)] / cps[at(10)];
    const roundRatios = rates[at(1_000)].map((x, i) => x / rates[at(10)][i]);
    return {
      json: {
        pool: {
          callsPerSecond: Object.fromEntries(POOL_SIZES.map((b, k) => [b, Math.round(cps[k])])),
          ratio: Number(ratio.toFixed(3)),
          roundRatios: {
            min: Number(Math.min(...roundRatios).toFixed(3)),
            max: Number(Math.max(...roundRatios).toFixed(3)),
          },
          meanInstances: Object.fromEntries(
            POOL_SIZES.map((b, k) => [b, Number(instances[k].toFixed(1))]),
          ),
        },
      },
      text: [
        `Pool size: the same 500,000 calls (Poisson 1,000/s) with 10 to 10,000 instances busy (median of ${POOL_ROUNDS} rounds)`,
        ...POOL_SIZES.map(
          (b, k) =>
            `  ${fmt(b).padStart(6)} busy  ${fmt(cps[k]).padStart(9)} calls/s  ${(cps[k] / cps[0]).toFixed(3)} of 10 busy (mean instances ${fmt(instances[k])})`,
        ),
        `  ratio 1,000/10 ${ratio.toFixed(3)} (rounds: ${Math.min(...roundRatios).toFixed(3)}-${Math.max(...roundRatios).toFixed(3)})`,
        '  The pool and the event queue cost O(1) per call; what grows is memory: each running call',
        '  is next touched after all the others have been, so more of them spill out of the caches.',
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
