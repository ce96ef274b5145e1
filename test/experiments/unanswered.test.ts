import { describe, expect, it } from 'vitest';
import { resultsTable } from '../../src/experiments/resultsTable.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import {
  UNANSWERED_MIN_CALLS,
  UNANSWERED_SHARE,
  unansweredNote,
} from '../../src/experiments/unanswered.ts';
import { chainDepthSweep } from '../charts/fixtures.ts';
import { prepare } from './experimentHelpers.ts';

// A depth-5 chain holds up to five instances per root call while it runs. At 5 roots/s a
// few roots are in flight at once during the first cold starts: 3 slots fill with callers
// waiting for callees that can never be placed; 50 slots hold them all.
const chainOnCluster = (slots: number) =>
  runExperiment(
    prepare({
      name: 'chain-on-cluster',
      duration: '60s',
      replications: 2,
      platform: 'aws-lambda-2019',
      platformOverrides: { cluster: { hosts: 1, slotsPerHost: slots } },
      graph: { chain: { depth: 5 } },
      workload: { poisson: { perSecond: 5 } },
    }),
  ).results;

describe('unansweredNote', () => {
  it('names a chain stuck on a cluster too small for its calls in flight, and the table shows it', () => {
    const results = chainOnCluster(3);
    const p = results.points[0];
    expect(p.calls.completed).toBe(0);
    expect(p.calls.inFlight).toBe(p.calls.arrivals);
    const note = unansweredNote(results);
    expect(note).toContain(`chain-on-cluster ${p.calls.inFlight.toLocaleString('en-US')} of`);
    expect(note).toContain('(100%)');
    expect(resultsTable(results)).toContain(note!);
  });

  it("says nothing when the cluster has room for the chain's calls in flight", () => {
    const results = chainOnCluster(50);
    const p = results.points[0];
    expect(p.calls.completed).toBeGreaterThan(0.95 * p.calls.arrivals);
    expect(unansweredNote(results)).toBeNull();
  });

  it('counts a point only above both thresholds', () => {
    const results = chainDepthSweep();
    const withInFlight = (inFlight: number, arrivals: number) => ({
      ...results,
      points: [{ ...results.points[0], calls: { ...results.points[0].calls, inFlight, arrivals } }],
    });
    const atShare = Math.floor(UNANSWERED_SHARE * 10_000);
    expect(unansweredNote(withInFlight(atShare, 10_000))).toBeNull();
    expect(unansweredNote(withInFlight(atShare + 1, 10_000))).not.toBeNull();
    expect(unansweredNote(withInFlight(UNANSWERED_MIN_CALLS, UNANSWERED_MIN_CALLS))).toBeNull();
    expect(unansweredNote(withInFlight(UNANSWERED_MIN_CALLS + 1, 20))).not.toBeNull();
  });
});
