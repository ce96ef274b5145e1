import { describe, expect, it } from 'vitest';
import { chartsFor, undrawable } from '../../src/charts/chartsFor.ts';
import { clientTrade, clientTradeRows, unansweredShare } from '../../src/charts/clientTrade.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { chainDepthSweep, clientOf } from './fixtures.ts';

/** A sweep of hedge delays: each point's p99, p99.9, calls per request and refused calls. */
function hedgeSweep(points: [number, number, number, number, number][]): ExperimentResults {
  const base = chainDepthSweep();
  const template = base.points[0];
  return {
    ...base,
    axes: [{ path: 'caller.hedge.after', name: 'after', values: points.map(([d]) => d) }],
    points: points.map(([d, p99, p999, calls, throttled], index) => ({
      ...template,
      index,
      label: `after=${d}`,
      params: { 'caller.hedge.after': d },
      endToEnd: {
        ...template.endToEnd,
        p99: { value: p99, low: null, high: null },
        p999: { value: p999, low: null, high: null },
      },
      calls: { arrivals: 1000, completed: 1000 - throttled, throttled, timedOut: 0, inFlight: 0 },
      client: clientOf({ callsPerRequest: calls }),
    })),
  } as ExperimentResults;
}

describe('clientTrade: tail latency against calls per request', () => {
  const r = hedgeSweep([
    [10000, 1100, 1500, 1, 0],
    [50, 77, 100, 1.05, 20],
    [10, 47, 65, 2, 0],
  ]);

  it('one row per point and percentile, at its calls per request, labelled by the swept value', () => {
    const { rows, axis } = clientTradeRows(r);
    expect(axis?.path).toBe('caller.hedge.after');
    expect(rows.map((x) => [x.calls, x.stat, x.ms])).toEqual([
      [1, 'p99', 1100],
      [1, 'p99.9', 1500],
      [1.05, 'p99', 77],
      [1.05, 'p99.9', 100],
      [2, 'p99', 47],
      [2, 'p99.9', 65],
    ]);
    // A point where requests went unanswered says how many: refused, as the story says,
    // when the platform throttled every one of them.
    expect(rows[2].label).toBe('50 ms (2% refused)');
    expect(rows[0].label).toBe('10 s');
    expect(unansweredShare(r.points[1])).toBeCloseTo(0.02, 12);
  });

  it('says unanswered, not refused, when some requests failed or timed out', () => {
    const failed = structuredClone(r);
    failed.points[1].calls = { ...failed.points[1].calls, throttled: 5, timedOut: 15 };
    expect(clientTradeRows(failed).rows[2].label).toBe('50 ms (2% unanswered)');
  });

  it('puts each label on the side of its point that faces the middle of the chart', () => {
    type Layer = { mark: { type: string; align?: string }; transform?: { filter: string }[] };
    const spec = clientTrade(r) as unknown as { layer: Layer[] };
    const texts = spec.layer
      .filter((l) => l.mark.type === 'text')
      .map((l) => ({ align: l.mark.align, filter: l.transform?.[0].filter ?? '' }));
    // Points left of the middle are labelled to their right, off the y axis; the others to
    // their left, inside the chart's right edge.
    expect(texts.map((t) => t.align)).toEqual(['left', 'right']);
    const middle = Number(/datum\.calls < ([\d.]+)/.exec(texts[0].filter)?.[1]);
    expect(texts[1].filter).toContain(`datum.calls >= ${middle}`);
    // Between the fewest calls per request (1) and the most (2).
    expect(middle).toBeGreaterThan(1);
    expect(middle).toBeLessThan(2);
  });

  it('is chosen for a sweep of a caller field, and draws a spec with every row', () => {
    expect(chartsFor(r).map((c) => c.name)).toContain('clientTrade');
    const spec = clientTrade(r) as { data: { values: unknown[] } };
    expect(spec.data.values).toHaveLength(6);
  });

  it('is not drawable without a sweep', () => {
    const flat = { ...r, axes: [], points: [r.points[0]] } as ExperimentResults;
    expect(undrawable(flat, 'clientTrade')).toMatch(/sweep/);
  });
});
