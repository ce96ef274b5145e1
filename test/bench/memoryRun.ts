/**
 * Runs one depth-5 chain experiment of a given number of calls on this
 * thread, then prints the process's peak resident memory as JSON. Started
 * as a child process by the memory benchmark, so that each size has a fresh
 * process and its own peak.
 */
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const calls = Number(process.argv[2]);
const depth = 5;
const perSecond = 2000;
const seconds = Math.ceil(calls / depth / perSecond);
const prepared = prepareExperiment(
  {
    name: 'memory',
    description: 'memory',
    replications: 1,
    duration: `${seconds}s`,
    client: 'us-typical',
    platform: 'aws-lambda-2019',
    // Unlimited and unpaced: the case measures memory, not Lambda's 2019 scaling limits.
    platformOverrides: {
      maxConcurrency: 'unlimited',
      keepAlive: '30s',
      burst: { initial: 1e9, perSecond: 1e9 },
    },
    graph: { chain: { depth } },
    workload: { poisson: { perSecond } },
  },
  { models: presetRegistry() },
);
const t0 = performance.now();
const { results } = runExperiment(prepared);
const p = results.points[0];
process.stdout.write(
  `${JSON.stringify({
    calls: p.calls.arrivals * depth,
    seconds: (performance.now() - t0) / 1000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
