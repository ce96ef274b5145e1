/**
 * Property tests of the caller over random scenarios (test/hardening/arbitraries.ts), each given a
 * random caller's policy: every request ends once and the counts add up, the caller's counts are
 * consistent, no NaN, and the same seed gives the same bytes. Fixed seeds: a failure prints its
 * seed and counterexample, and the same run reproduces it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../../src/experiments/prepare.ts';
import { runExperiment } from '../../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../../src/models/registry.ts';
import { experimentArb, type Json } from '../../hardening/arbitraries.ts';
import { nonFinite } from '../../support/finite.ts';

const registry = presetRegistry();
const RUNS = Number(process.env.HARDENING_RUNS ?? 150);
const SEED = Number(process.env.HARDENING_SEED ?? 19);

const callerArb: fc.Arbitrary<Json> = fc
  .record({
    timeout: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    failure: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    retry: fc.option(
      fc.record({
        attempts: fc.integer({ min: 1, max: 5 }),
        on: fc.subarray(['error', 'throttled', 'timeout'], { minLength: 1 }),
        backoff: fc.record({
          base: fc.integer({ min: 0, max: 50 }),
          jitter: fc.constantFrom('full', 'equal', 'none'),
        }),
      }),
      { nil: undefined },
    ),
    hedge: fc.option(
      fc.record({
        after: fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.record({ percentile: fc.double({ min: 1, max: 99, noNaN: true }) }),
        ),
        cancel: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => JSON.parse(JSON.stringify(r)) as Json);

const scenarioArb = fc
  .tuple(experimentArb, callerArb)
  .map(([raw, caller]) => ({ ...(raw as Record<string, Json>), caller }) as Json);

describe('random scenarios with a random caller: the books still balance', () => {
  it('arrivals = completed + throttled + timed out + given up + failed + crashed + in flight; no NaN', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const prepared = prepareExperiment(raw, { models: registry, file: 'scenario.json' });
        const { results } = runExperiment(prepared);
        expect(nonFinite(JSON.parse(JSON.stringify(results)), 'results')).toEqual([]);
        const maxAttempts =
          (raw as { caller: { retry?: { attempts: number } } }).caller.retry?.attempts ?? 1;
        for (const p of results.points) {
          const c = p.calls;
          const ended =
            c.completed +
            c.throttled +
            c.timedOut +
            c.clientTimedOut! +
            c.failed! +
            (c.crashed ?? 0);
          expect(ended + c.inFlight).toBe(c.arrivals);
          expect(c.inFlight).toBeGreaterThanOrEqual(0);
          expect(p.endToEnd.count).toBe(c.completed);
          const client = p.client!;
          expect(client.requests).toBe(ended);
          expect(client.attempts).toBeGreaterThanOrEqual(client.requests);
          expect(client.attempts).toBeLessThanOrEqual(client.requests * maxAttempts);
          // At most one hedged copy per attempt.
          expect(client.hedges).toBeLessThanOrEqual(client.attempts);
          if (client.extraBilledShare !== null) {
            expect(client.extraBilledShare).toBeGreaterThanOrEqual(0);
            expect(client.extraBilledShare).toBeLessThanOrEqual(1);
          }
        }
        // The same inputs and seed give the same bytes.
        const again = runExperiment(prepareExperiment(raw, { models: registry, file: 's.json' }));
        expect(JSON.stringify(again.results.points)).toBe(JSON.stringify(results.points));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
