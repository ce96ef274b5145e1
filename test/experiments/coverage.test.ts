import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

/**
 * The 95% intervals of results.json cover the true value about 95% of the
 * time, on a model with a known answer: M/M/1 through the platform (one
 * always-warm instance, calls queue, no network), lambda = 50/s, mu = 100/s.
 * Time in system is exponential with rate mu - lambda = 50/s.
 */
describe('confidence intervals', () => {
  it('cover the M/M/1 mean and p50 at about their nominal 95%, and give no p99 interval from too few calls', () => {
    const lambda = 50;
    const mu = 100;
    const rate = mu - lambda; // per second
    const truth = {
      mean: 1000 / rate,
      p50: (1000 * Math.log(2)) / rate,
      p99: (1000 * Math.log(100)) / rate,
    };
    const trials = 120;
    const covered = { mean: 0, p50: 0 };
    const registry = presetRegistry();
    for (let t = 0; t < trials; t++) {
      const prepared = prepareExperiment(
        {
          name: 'mm1',
          description: 'M/M/1',
          seed: `coverage-${t}`,
          replications: 5,
          duration: '65s',
          warmup: '5s',
          client: { kind: 'client', name: 'inside', description: 'd', source: ['s'] },
          platform: {
            kind: 'platform',
            name: 'mm1',
            description: 'one server, a FIFO queue',
            source: ['test'],
            provisioned: 1,
            maxConcurrency: 1,
            onLimit: 'queue',
            keepAlive: 'forever',
          },
          function: { execution: { exponential: { mean: 1000 / mu } } },
          workload: { poisson: { perSecond: lambda } },
        },
        { models: registry },
      );
      const e = runExperiment(prepared).results.points[0].endToEnd;
      // About 3,000 calls per replication, 30 beyond the p99: fewer than MIN_TAIL_CALLS, so no
      // interval (coldtail verify --coverage checks the p99 at the threshold).
      expect(e.p99.low).toBeNull();
      for (const key of ['mean', 'p50'] as const) {
        const { low, high } = e[key];
        if (low! <= truth[key] && truth[key] <= high!) covered[key]++;
      }
    }
    // Binomial: 4 standard deviations of a 95% coverage over `trials` trials.
    const tolerance = 4 * Math.sqrt((0.95 * 0.05) / trials);
    for (const key of ['mean', 'p50'] as const) {
      expect(
        Math.abs(covered[key] / trials - 0.95),
        `${key}: ${covered[key]}/${trials}`,
      ).toBeLessThan(tolerance);
    }
  });
});
