import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiments/replication.ts';
import { replicationSeed } from '../../src/experiments/runExperiment.ts';
import { prepare, run } from './experimentHelpers.ts';

/**
 * Common random numbers: each purpose draws from its own stream, named after it, so sweep
 * points that differ only in the platform see the same arrivals, and the comparison between
 * them is not blurred by different traffic.
 */
const experiment = {
  seed: 'crn',
  duration: '2min',
  replications: 2,
  client: 'us-typical',
  graph: { chain: { depth: 2 } },
  workload: [
    { poisson: { perSecond: 20 } },
    { burst: { base: 0, peak: 200, at: '30s', duration: '2s' } },
  ],
  sweep: { platform: ['aws-lambda-2019', 'google-cloud-functions', 'cloudflare-workers'] },
};

/** Arrivals per 1 ms window: equal lists mean the same arrival times to the millisecond. */
function arrivalsByMs(point: ReturnType<typeof prepare>['points'][number], seed: string): number[] {
  const fine = { ...point.resolved, timelineWindow: 1 };
  return runReplication(fine, seed).timeline!.series.counts.arrivals;
}

describe('common random numbers across sweep points', () => {
  it('points that differ only in platform see the same number of arrivals', () => {
    const points = run(experiment);
    expect(points.length).toBe(3);
    const arrivals = points.map((p) => p.calls.arrivals);
    expect(new Set(arrivals).size).toBe(1);
    // ... while what the platforms do with them differs.
    const p50 = points.map((p) => p.endToEnd.p50.value);
    expect(new Set(p50).size).toBe(3);
  });

  it('and, replication by replication, the same arrival times', () => {
    const prepared = prepare(experiment);
    for (let r = 0; r < 2; r++) {
      const seed = replicationSeed(prepared.spec.seed, r);
      const [a, b, c] = prepared.points.map((point) => arrivalsByMs(point, seed));
      expect(a.reduce((s, n) => s + n, 0)).toBeGreaterThan(2000);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    }
  });

  it('a platform override (here the keep-alive) leaves the arrivals alone too', () => {
    const prepared = prepare({
      ...experiment,
      platform: 'aws-lambda-2019',
      sweep: { 'platformOverrides.keepAlive': ['1s', '10min'] },
    });
    const seed = replicationSeed(prepared.spec.seed, 0);
    const [short, long] = prepared.points.map((point) => arrivalsByMs(point, seed));
    expect(long).toEqual(short);
  });

  it('replications differ from each other, so the equalities above can fail', () => {
    const prepared = prepare(experiment);
    const point = prepared.points[0];
    const first = arrivalsByMs(point, replicationSeed(prepared.spec.seed, 0));
    const second = arrivalsByMs(point, replicationSeed(prepared.spec.seed, 1));
    expect(second).not.toEqual(first);
  });
});
