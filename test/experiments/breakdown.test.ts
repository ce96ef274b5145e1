import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { STAGES } from '../../src/platform/call.ts';

describe('stage breakdown', () => {
  it('splits the latency near the p50 and the p99 exactly, and lies near the percentile', () => {
    const prepared = prepareExperiment(
      {
        name: 'b',
        description: 'd',
        duration: '20min',
        warmup: '1min',
        replications: 2,
        client: 'us-typical',
        platform: 'aws-lambda-2019-http-api',
        platformOverrides: { keepAlive: '5s' },
        graph: { chain: { depth: 3 } },
        workload: { poisson: { perSecond: 2 } },
      },
      { models: presetRegistry() },
    );
    const p = runExperiment(prepared).results.points[0];
    for (const key of ['p50', 'p99'] as const) {
      const b = p.breakdown[key]!;
      const sum = STAGES.reduce((s, stage) => s + b[stage], 0);
      expect(Math.abs(sum - b.latency), key).toBeLessThan(1e-9 * b.latency);
      // The bin spans 2^(1/8) = 9%: its mean lies within that of the percentile.
      const percentile = p.endToEnd[key].value!;
      expect(Math.abs(b.latency / percentile - 1), key).toBeLessThan(2 ** (1 / 8) - 1);
    }
    // With a short keep-alive, cold starts show near the p99 and not near the median.
    expect(p.breakdown.p99!.coldStart).toBeGreaterThan(p.breakdown.p50!.coldStart);
  });
});
