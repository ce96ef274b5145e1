import { describe, expect, it } from 'vitest';
import { hedgingText, retryStormText } from '../../src/charts/story/client.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { chainDepthSweep } from './fixtures.ts';

type P = {
  params: Record<string, string | number>;
  p50: number;
  p99: number;
  p999: number;
  calls: number;
  hedges: number;
  refused: number;
  extraUsd: number;
};

/** Results of a caller's sweep, each point's numbers set by hand. */
function sweep(
  axes: { path: string; name: string; values: (string | number)[] }[],
  points: P[],
): ExperimentResults {
  const base = chainDepthSweep();
  const template = base.points[0];
  const q = (value: number) => ({ value, low: null, high: null });
  return {
    ...base,
    axes,
    points: points.map((p, index) => ({
      ...template,
      index,
      label: JSON.stringify(p.params),
      params: p.params,
      endToEnd: {
        ...template.endToEnd,
        count: 1000,
        p50: q(p.p50),
        p99: q(p.p99),
        p999: q(p.p999),
      },
      calls: {
        arrivals: 1000,
        completed: 1000 - p.refused,
        throttled: p.refused,
        timedOut: 0,
        inFlight: 0,
      },
      cost: { ...template.cost, usdPerMillionRoots: 0.45 },
      client: {
        requests: 1000,
        attempts: 1000,
        retries: 0,
        hedges: p.hedges,
        attemptsPerRequest: 1,
        callsPerRequest: p.calls,
        timedOutShare: 0,
        failedShare: 0,
        cancelled: 0,
        extraUsd: 0,
        extraUsdPerMillionRoots: p.extraUsd,
        extraBilledShare: 0,
      },
    })),
  } as ExperimentResults;
}

describe("the client's story sections read their numbers from the run", () => {
  it('hedging: the baseline, the best trade within 10% more calls, the most calls, their cost', () => {
    const at = (d: number, p99: number, p999: number, calls: number, extraUsd: number): P => ({
      params: { 'caller.hedge.after': d },
      p50: 25,
      p99,
      p999,
      calls,
      hedges: Math.round((calls - 1) * 1000),
      refused: 0,
      extraUsd,
    });
    const r = sweep(
      [{ path: 'caller.hedge.after', name: 'after', values: [10000, 50, 10] }],
      [at(10000, 1120, 1500, 1, 0), at(50, 77, 100, 1.05, 0.027), at(10, 47, 65, 2, 0.54)],
    );
    const t = hedgingText(r);
    expect(t.sentences[0]).toBe(
      'With no copy sent (a delay of 10 s), the p99 is 1.12 s and the p99.9 1.5 s: the slow calls are the tail.',
    );
    expect(t.sentences[1]).toContain('A copy after 50 ms goes out for the 5% of requests');
    expect(t.sentences[1]).toContain('p99 falls to 77 ms and the p99.9 to 100 ms');
    expect(t.sentences[2]).toContain(
      'Hedging after 10 ms sends 100% more calls for a p99.9 of 65 ms: nearly every request is sent twice.',
    );
    expect(t.sentences[3]).toContain(
      '$0.03 per million requests at 50 ms, on a bill of $0.45 without them, and $0.54 at 10 ms',
    );
    expect(t.takeaway).toBe(
      'A second copy after 50 ms cuts the p99.9 from 1.5 s to 100 ms for 5% more calls: the trade Dean and Barroso describe, on a serverless function.',
    );
    expect(t.table!.rows.map((row) => row[0])).toEqual(['10 s', '50 ms', '10 ms']);
  });

  it('hedging: no takeaway when hedging did not halve the p99.9', () => {
    const at = (d: number, p999: number, calls: number): P => ({
      params: { 'caller.hedge.after': d },
      p50: 25,
      p99: p999,
      p999,
      calls,
      hedges: Math.round((calls - 1) * 1000),
      refused: 0,
      extraUsd: 0,
    });
    const r = sweep(
      [{ path: 'caller.hedge.after', name: 'after', values: [10000, 50] }],
      [at(10000, 100, 1), at(50, 90, 1.05)],
    );
    expect(hedgingText(r).takeaway).toBeNull();
  });

  it('retry storm: per jitter, the refused share and calls per request at the fewest and most attempts', () => {
    const at = (n: number, jitter: string, calls: number, refused: number, p99: number): P => ({
      params: { 'caller.retry.attempts': n, 'caller.retry.backoff.jitter': jitter },
      p50: 120,
      p99,
      p999: p99,
      calls,
      hedges: 0,
      refused,
      extraUsd: 0,
    });
    const r = sweep(
      [
        { path: 'caller.retry.attempts', name: 'attempts', values: [1, 8] },
        { path: 'caller.retry.backoff.jitter', name: 'jitter', values: ['none', 'full'] },
      ],
      [
        at(1, 'none', 1, 370, 333),
        at(1, 'full', 1, 370, 333),
        at(8, 'none', 4.63, 146, 13078),
        at(8, 'full', 4.87, 248, 10010),
      ],
    );
    const t = retryStormText(r);
    expect(t.sentences[0]).toBe(
      'With 1 attempt, 37% of requests are refused in the end; with 8 attempts without jitter, each request sends 4.63 calls on average into the platform at its limit, and 15% are still refused.',
    );
    expect(t.sentences[1]).toBe(
      'The requests that get through (no jitter) wait their backoffs: the p99 goes from 333 ms to 13.1 s.',
    );
    expect(t.sentences[2]).toContain(
      'with 8 attempts and full jitter, each request sends 4.87 calls',
    );
    expect(t.takeaway).toContain('save 22% of the requests from being refused');
    expect(t.table!.rows).toHaveLength(4);
  });

  it('says nothing for a sweep without the axis it reads', () => {
    const r = chainDepthSweep();
    expect(hedgingText(r)).toEqual({ sentences: [], takeaway: null });
    expect(retryStormText(r)).toEqual({ sentences: [], takeaway: null });
  });
});
