import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { platformModel, prepare, run } from './experimentHelpers.ts';

// A small region: 40 functions at 0.5 to 5 calls a second, each called Poisson (CV 1).
const REGION = {
  duration: '10min',
  replications: 1,
  platform: platformModel({ coldStart: { sandbox: '300ms' }, keepAlive: 'forever' }),
  workload: {
    population: {
      functions: 40,
      perDay: { uniform: { min: 43_200, max: 432_000 } },
      periodicShare: 0,
      iatCv: 1,
      execution: '20ms',
      executionSigma: 0,
    },
  },
};

describe('a population workload', () => {
  it('gives each function its own function and pool, its own calls only', () => {
    const prepared = prepare(REGION);
    const r = prepared.points[0].resolved;
    // The graph's entry function and the 40 of the population.
    expect(r.functions.map((f) => f.name).slice(1)).toEqual(
      Array.from({ length: 40 }, (_, i) => `fn${String(i).padStart(2, '0')}`),
    );
    expect(r.sources[0].functions).toHaveLength(40);
    const [p] = run(REGION);
    // With keep-alive forever each pool starts cold once per instance it needs: at least one
    // cold start per function (all 40 are called within 10 minutes at these rates), where one
    // shared pool would have started far fewer.
    expect(p.cold.coldStarts).toBeGreaterThanOrEqual(40);
    // The rates each function drew, times the 600 s: the total is Poisson, 5 standard deviations.
    const expected = r.sources[0].functions!.reduce(
      (n, f) => n + (f.arrivals as { perSecond: number }).perSecond * 600,
      0,
    );
    expect(Math.abs(p.calls.arrivals - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });

  it('gives the same bytes for the same seed', () => {
    const a = runExperiment(prepare({ ...REGION, seed: 3 })).results;
    const b = runExperiment(prepare({ ...REGION, seed: 3 })).results;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = runExperiment(prepare({ ...REGION, seed: 4 })).results;
    expect(JSON.stringify(c.points)).not.toBe(JSON.stringify(a.points));
  });

  it('rounds each function memory up to a size the platform offers', () => {
    const prepared = prepare({
      ...REGION,
      platform: 'aws-lambda-2019',
      workload: { population: { functions: 200, maxPerSecond: 0.01 } },
    });
    const sizes = prepared.points[0].resolved.functions.slice(1).map((f) => f.memoryMB);
    for (const mb of sizes) {
      expect(mb).toBeGreaterThanOrEqual(128);
      expect(mb).toBeLessThanOrEqual(3008);
      expect((mb - 128) % 64).toBe(0);
    }
    // Not all the same: the drawn memory carries through.
    expect(new Set(sizes).size).toBeGreaterThan(3);
  });

  it('refuses a prefix whose names clash with a function of the graph, with the source path', () => {
    try {
      prepare({
        ...REGION,
        workload: { population: { functions: 3 } },
        graph: { custom: { entry: 'fn1', functions: { fn1: {} } } },
      });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).path).toBe('workload[0]');
      expect((e as SpecError).reason).toMatch(/"fn1" is already a function/);
    }
  });
});

describe('the work estimate of a region', () => {
  /** The region's expected calls, from its functions' rates. */
  const expectedCalls = (prepared: ReturnType<typeof prepare>) =>
    prepared.points[0].resolved.sources[0].functions!.reduce(
      (n, f) => n + (f.arrivals as { perSecond: number }).perSecond * 600,
      0,
    );

  it('counts each function’s calls, at the cost a call of a split region has', async () => {
    const { estimateWork, NOMINAL_CALLS_PER_SECOND, SPLIT_REGION_CALL_COST } = await import(
      '../../src/experiments/estimate.ts'
    );
    const prepared = prepare(REGION);
    const expected = expectedCalls(prepared);
    const w = estimateWork(prepared);
    expect(w.calls).toBeCloseTo(expected, 6);
    expect(w.coreSeconds).toBeCloseTo(
      (SPLIT_REGION_CALL_COST * expected) / NOMINAL_CALLS_PER_SECOND,
      9,
    );
  });

  it('counts a call of a region kept whole (an account-wide limit) as dearer', async () => {
    const {
      estimateWork,
      NOMINAL_CALLS_PER_SECOND,
      SPLIT_REGION_CALL_COST,
      WHOLE_REGION_CALL_COST,
    } = await import('../../src/experiments/estimate.ts');
    const prepared = prepare({
      ...REGION,
      platform: platformModel({
        coldStart: { sandbox: '300ms' },
        keepAlive: 'forever',
        maxConcurrency: 1000,
        limitScope: 'account',
      }),
    });
    const expected = expectedCalls(prepared);
    const w = estimateWork(prepared);
    expect(w.calls).toBeCloseTo(expected, 6);
    expect(w.coreSeconds).toBeCloseTo(
      (WHOLE_REGION_CALL_COST * expected) / NOMINAL_CALLS_PER_SECOND,
      9,
    );
    expect(WHOLE_REGION_CALL_COST).toBeGreaterThan(SPLIT_REGION_CALL_COST);
  });
});
