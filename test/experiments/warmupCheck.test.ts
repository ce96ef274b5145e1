import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { prepare } from './experimentHelpers.ts';

/**
 * A run starts with empty pools. With executions of a heavy tail (p99 100x the median) and
 * 3 s cold starts, the instances a steady state needs build up over the first minute or so,
 * and the calls of that time meet many more cold starts: the warm-up diagnostic says so when
 * the warm-up is shorter, and not when it is long enough.
 */
const spec = (warmup: string | number) => ({
  duration: '30min',
  warmup,
  replications: 3,
  platform: 'aws-lambda-2019',
  platformOverrides: { coldStart: { runtimeInit: '3s' } },
  workload: { poisson: { perSecond: 5 } },
  function: { execution: { lognormal: { p50: '300ms', p99: '30s' } } },
});

describe('the warm-up diagnostic', () => {
  it('finds the drift of the first minutes, and is content with a warm-up past it', () => {
    const none = runExperiment(prepare(spec(0))).results.points[0].warmupCheck!;
    expect(none.tooShort).toBe(true);
    expect(none.mser!).toBeGreaterThan(0);
    expect(none.mser!).toBeLessThan(5 * 60_000);
    const long = runExperiment(prepare(spec('5min'))).results.points[0].warmupCheck!;
    expect(long.tooShort).toBe(false);
  });
});
