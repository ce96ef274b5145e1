/**
 * Property tests over random scenarios (test/hardening/arbitraries.ts): random platforms
 * (keep-alive, cold-start phases, concurrency, limits with throttling or queueing, burst
 * pacing, provisioned instances, clusters), clients, workloads and graphs, each run for a
 * simulated second or two. Fixed seeds: a failure prints its seed and counterexample, and the
 * same run reproduces it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PreparedExperiment, prepareExperiment } from '../../src/experiments/prepare.ts';
import { runReplication } from '../../src/experiments/replication.ts';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import type { LatencyStats, PointResult } from '../../src/experiments/results.ts';
import { replicationSeed, runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { STAGES } from '../../src/platform/call.ts';
import { nonFinite } from '../support/finite.ts';
import { experimentArb, type Json, sourceArb } from './arbitraries.ts';
import { checkedRun } from './checkedRun.ts';

const registry = presetRegistry();

function prepare(raw: Json): PreparedExperiment {
  return prepareExperiment(raw, { models: registry, file: 'scenario.json' });
}

/** p50 <= p90 <= p95 <= p99 <= p99.9 <= max, all >= 0; all null without calls. */
function expectOrderedPercentiles(s: LatencyStats, what: string): void {
  const values = [s.p50.value, s.p90.value, s.p95.value, s.p99.value, s.p999.value, s.max];
  if (s.count === 0) {
    expect(values, what).toEqual([null, null, null, null, null, null]);
    expect(s.mean.value, what).toBeNull();
    return;
  }
  const xs = values as number[];
  expect(xs[0], `${what} p50`).toBeGreaterThanOrEqual(0);
  for (let i = 1; i < xs.length; i++) {
    expect(xs[i], `${what}: ${xs.join(' <= ')}`).toBeGreaterThanOrEqual(xs[i - 1]);
  }
  expect(s.mean.value!, `${what} mean`).toBeGreaterThanOrEqual(0);
  // The sum behind the mean is exact in units of 2^-20 ms: the mean may pass the max by half a unit.
  expect(s.mean.value!, `${what} mean <= max`).toBeLessThanOrEqual(s.max! + 2 ** -20);
}

function expectSoundPoint(p: PointResult, replications: number): void {
  const c = p.calls;
  for (const v of Object.values(c)) expect(Number.isInteger(v) && v >= 0).toBe(true);
  expect(c.completed + c.throttled + c.timedOut + (c.crashed ?? 0) + c.inFlight).toBe(c.arrivals);
  // Crashes are counted where they can happen, and only there.
  expect(c.crashed !== undefined).toBe(p.failures !== undefined);
  if (p.failures) {
    expect(p.failures.callsLost).toBeGreaterThanOrEqual(c.crashed! > 0 ? 1 : 0);
    if (p.failures.instanceCrashes === 0) expect(p.failures.callsLost).toBe(0);
  }
  expect(p.endToEnd.count).toBe(c.completed);
  expect(p.cold.hopsCold.reduce((a, b) => a + b, 0)).toBe(c.completed);
  expectOrderedPercentiles(p.endToEnd, 'endToEnd');
  for (const stage of STAGES) {
    expectOrderedPercentiles(p.stages[stage], stage);
    expect(p.stages[stage].count).toBe(c.completed);
    // A stage of the critical path never takes longer than the slowest whole call.
    if (c.completed > 0) {
      expect(p.stages[stage].max!).toBeLessThanOrEqual(p.endToEnd.max! * (1 + 1e-9) + 1e-9);
    }
  }
  const share = p.cold.share.value;
  if (c.completed === 0) expect(share).toBeNull();
  else expect(share! >= 0 && share! <= 1).toBe(true);
  expect(p.instances.mean).toBeGreaterThanOrEqual(0);
  expect(p.instances.mean).toBeLessThanOrEqual(p.instances.max + 1e-9);
  expect(p.cost.requests).toBeGreaterThanOrEqual(0);
  if (p.warmers) expect(p.warmers.cold).toBeLessThanOrEqual(p.warmers.calls);
  if (replications === 1) expect(p.endToEnd.p50.low).toBeNull();
}

const RUNS = Number(process.env.HARDENING_RUNS ?? 500);
const SEED = Number(process.env.HARDENING_SEED ?? 42);

describe('random scenarios on the platform: every invariant at every event', () => {
  it('conservation, monotone time, finite latencies, stage sums, instance limits and crashes', () => {
    let calls = 0;
    let ended = 0;
    let throttled = 0;
    let timedOut = 0;
    let queuedOrLimited = 0;
    let crashedCalls = 0;
    let crashes = 0;
    fc.assert(
      fc.property(experimentArb, (raw) => {
        const prepared = prepare(raw);
        const point = prepared.points[0].resolved;
        const s = checkedRun(point, replicationSeed(prepared.spec.seed, 0));
        expect(s.ended + s.inFlight).toBe(s.calls);
        calls += s.calls;
        ended += s.ended;
        throttled += s.byOutcome.throttled;
        timedOut += s.byOutcome.timedOut;
        crashedCalls += s.byOutcome.crashed;
        crashes += s.crashes;
        if (point.functions.some((f) => f.platform.maxConcurrency < Infinity)) queuedOrLimited++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The scenarios exercise what they claim to: calls end in every way, limits are hit.
    expect(calls).toBeGreaterThan(10_000);
    expect(ended).toBeGreaterThan(calls / 2);
    expect(throttled).toBeGreaterThan(0);
    expect(timedOut).toBeGreaterThan(0);
    // Instances crash (calls' crashes, hosts' failures) and take calls with them.
    expect(crashes).toBeGreaterThan(0);
    expect(crashedCalls).toBeGreaterThan(0);
    expect(queuedOrLimited).toBeGreaterThan(RUNS / 4);
  });
});

describe('random scenarios through runExperiment: the results add up', () => {
  it('arrivals = completed + throttled + timed out + in flight; percentiles ordered; no NaN', () => {
    fc.assert(
      fc.property(experimentArb, (raw) => {
        const { results } = runExperiment(prepare(raw));
        // Every number finite, in the file and in the object (JSON would turn NaN into null).
        expect(nonFinite(JSON.parse(JSON.stringify(results)), 'results')).toEqual([]);
        expect(nonFinite(results, 'results')).toEqual([]);
        expect(results.partial).toBe(false);
        for (const p of results.points) expectSoundPoint(p, results.replications);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('reusing ended calls changes nothing: the same replication data as fresh calls', () => {
    fc.assert(
      fc.property(experimentArb, (raw) => {
        const prepared = prepare(raw);
        const point = prepared.points[0].resolved;
        const seed = replicationSeed(prepared.spec.seed, 0);
        const reused = replicationToJSON(runReplication(point, seed));
        const fresh = replicationToJSON(runReplication(point, seed, { reuseCalls: false }));
        expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
      }),
      { seed: SEED + 3, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the same inputs and seed give the same bytes; another seed other numbers', () => {
    // Poisson arrivals, enough of them that another seed cannot give the same run.
    const arb = fc
      .tuple(
        experimentArb,
        sourceArb(1000).filter((s) => 'poisson' in s && (s.poisson as Json).perSecond !== 0),
      )
      .map(
        ([raw, source]): Json => ({
          ...raw,
          duration: 2000,
          warmup: 0,
          workload: {
            poisson: { perSecond: Math.max(20, (source.poisson as Json).perSecond as number) },
          },
        }),
      );
    fc.assert(
      fc.property(arb, (raw) => {
        const first = JSON.stringify(runExperiment(prepare(raw)).results);
        const again = JSON.stringify(runExperiment(prepare(structuredClone(raw))).results);
        expect(again).toBe(first);
        const other = runExperiment(prepare({ ...raw, seed: `${raw.seed}-other` })).results;
        const before = JSON.parse(first);
        expect(before.points[0].calls.arrivals).toBeGreaterThan(0);
        expect(JSON.stringify(other.points)).not.toBe(JSON.stringify(before.points));
      }),
      { seed: SEED + 2, numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
