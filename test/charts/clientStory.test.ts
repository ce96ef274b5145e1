import { describe, expect, it } from 'vitest';
import { hedgedFanOutText, hedgingText, retryStormText } from '../../src/charts/story/client.ts';
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
    expect(t.table!.head).toContain('refused');
    // Some requests that timed out instead of being throttled: they are not "refused".
    const mixed = {
      ...r,
      points: r.points.map((p) => ({
        ...p,
        calls: { ...p.calls, throttled: p.calls.throttled - 1, timedOut: 1 },
      })),
    };
    const m = retryStormText(mixed);
    expect(m.sentences[0]).toContain('37% of requests are unanswered in the end');
    expect(m.sentences[0]).toContain('15% are still unanswered');
    expect(m.takeaway).toContain('from going unanswered');
    expect(m.table!.head).toContain('unanswered');
  });

  it('says nothing for a sweep without the axis it reads', () => {
    const r = chainDepthSweep();
    expect(hedgingText(r)).toEqual({ sentences: [], takeaway: null });
    expect(retryStormText(r)).toEqual({ sentences: [], takeaway: null });
  });
});

describe('the hedged fan-out section reads its numbers from the run', () => {
  const AXIS = 'graph.fanOut.caller.hedge.after';
  /** A point: its delay, percentiles, calls billed per replication and a CDF for the slow share. */
  const fanOutSweep = (
    points: { d: number; p50: number; p99: number; p999: number; billed: number; slow: number }[],
  ): ExperimentResults => {
    const r = sweep(
      [{ path: AXIS, name: 'after', values: points.map((p) => p.d) }],
      points.map((p) => ({
        params: { [AXIS]: p.d },
        p50: p.p50,
        p99: p.p99,
        p999: p.p999,
        calls: 1,
        hedges: 0,
        refused: 0,
        extraUsd: 0,
      })),
    );
    return {
      ...r,
      replications: 2,
      points: r.points.map((pt, i) => {
        const { client: _client, ...rest } = pt;
        return {
          ...rest,
          // 1,000 roots over 2 replications: `billed` calls per replication.
          cost: { ...pt.cost, requests: points[i].billed, usdPerMillionRoots: 45 },
          // Half a second splits the fast requests from the slow share.
          cdf: [
            [0.5, 10],
            [1 - points[i].slow - 0.0001, 400],
            [1 - points[i].slow + 0.0001, 600],
            [0.999, 2000],
          ],
        };
      }),
    } as ExperimentResults;
  };

  it('calls per request from the calls billed; the best p99 within 10% more calls', () => {
    const r = fanOutSweep([
      { d: 10000, p50: 1100, p99: 2050, p999: 3070, billed: 50_500, slow: 0.63 },
      { d: 50, p50: 95, p99: 165, p999: 1270, billed: 52_450, slow: 0.0082 },
      { d: 10, p50: 70, p99: 137, p999: 1200, billed: 100_250, slow: 0.008 },
    ]);
    const t = hedgedFanOutText(r);
    expect(t.sentences[0]).toContain('the median is 1.1 s, the p99 2.05 s and the p99.9 3.07 s');
    expect(t.sentences[1]).toBe(
      'Hedging each leaf call after 50 ms sends 3.9% more calls (104.9 per request, against 101.0); a slow leaf is answered by its copy, and the median falls to 95 ms, the p99 to 165 ms.',
    );
    expect(t.sentences[2]).toContain('The p99.9 moves less, from 3.07 s to 1.27 s');
    expect(t.takeaway).toContain(
      'after 50 ms cuts the p99 from 2.05 s to 165 ms for 3.9% more calls',
    );
    expect(t.table!.rows.map((row) => row[1])).toEqual(['101.0', '104.9', '200.5']);
  });

  it('says nothing without the sweep of the edge hedge delay', () => {
    const r = fanOutSweep([
      { d: 10000, p50: 1100, p99: 2050, p999: 3070, billed: 50_500, slow: 0.63 },
      { d: 50, p50: 95, p99: 165, p999: 1270, billed: 52_450, slow: 0.0082 },
    ]);
    expect(hedgedFanOutText({ ...r, axes: [] })).toEqual({ sentences: [], takeaway: null });
  });
});
