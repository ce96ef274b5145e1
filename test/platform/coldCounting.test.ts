import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { burstFromZero } from '../../src/verify/theory.ts';
import { expectConserved, platformModel, prepare } from '../experiments/experimentHelpers.ts';

/**
 * Cold starts counted as users count them. A deterministic burst from zero: 200 calls 10 ms
 * apart, cold starts of 253 ms, executions of 97 ms. With late binding, or several calls per
 * instance, many calls wait on a start and are then served by an instance that freed before
 * it: they were slowed by cold starts, but were not handed to a fresh instance. Both counts are
 * checked against an event-by-event count of the same burst made apart from the pool.
 */
const CALLS = 200;
const GAP = 10;
const START = 253;
const EXECUTION = 97;

function burst(binding: 'early' | 'late', concurrency: number) {
  const point = runExperiment(
    prepare({
      replications: 1,
      duration: CALLS * GAP,
      workload: { constant: { perSecond: 1000 / GAP } },
      platform: platformModel({
        coldStart: { sandbox: START },
        coldStartBinding: binding,
        concurrencyPerInstance: concurrency,
      }),
      function: { execution: EXECUTION },
    }),
  ).results.points[0];
  expectConserved(point);
  return point;
}

describe('cold starts counted two ways', () => {
  for (const [binding, concurrency] of [
    ['early', 1],
    ['late', 1],
    ['early', 4],
    ['late', 4],
  ] as const) {
    it(`${binding} binding, ${concurrency} call(s) per instance`, () => {
      const expected = burstFromZero({
        calls: CALLS,
        gap: GAP,
        start: START,
        execution: EXECUTION,
        concurrency,
        binding,
      });
      const p = burst(binding, concurrency);
      expect(p.calls.completed).toBe(CALLS);
      expect(p.cold.coldStarts).toBe(expected.starts);
      expect(p.cold.servedFreshCalls).toBe(expected.servedFresh);
      expect(p.cold.waitedOnStartCalls).toBe(expected.waitedOnStart);
      // The old share is the calls served fresh, unchanged.
      expect(p.cold.share.value).toBe(expected.servedFresh / CALLS);
      expect(p.cold.servedFresh!.value).toBe(expected.servedFresh / CALLS);
      expect(p.cold.waitedOnStart!.value).toBe(expected.waitedOnStart / CALLS);
      if (binding === 'late' || concurrency > 1) {
        // What the two counts are for: they differ here.
        expect(expected.waitedOnStart).toBeGreaterThan(expected.servedFresh);
      } else {
        // One call per instance, bound to its start: a call that waits, waits for its own.
        expect(expected.waitedOnStart).toBe(expected.servedFresh);
      }
    });
  }
});
