import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/charts/chartsFor.ts';
import { powerTuning, powerTuningRows } from '../../src/charts/powerTuning.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { chainDepthSweep } from './fixtures.ts';

/** A memory sweep built from a fixture: each point's p50, p99 and cost set by hand. */
function memorySweep(points: [number, number, number, number][]): ExperimentResults {
  const base = chainDepthSweep();
  const template = base.points[0];
  return {
    ...base,
    axes: [{ path: 'function.memoryMB', name: 'memoryMB', values: points.map(([m]) => m) }],
    points: points.map(([mb, p50, p99, cost], index) => ({
      ...template,
      index,
      label: `memoryMB=${mb}`,
      params: { 'function.memoryMB': mb },
      endToEnd: {
        ...template.endToEnd,
        p50: { value: p50, low: null, high: null },
        p99: { value: p99, low: null, high: null },
      },
      cost: { ...template.cost, usdPerMillionRoots: cost },
    })),
  } as ExperimentResults;
}

/** The y encoding of the chart: the one whose axis title says latency. */
function findLatencyAxis(spec: unknown): {
  axis: { values: number[] };
  scale: { domain: [number, number] };
} {
  const stack: unknown[] = [spec];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object') continue;
    const rec = o as Record<string, unknown>;
    const axis = rec.axis as { title?: unknown } | undefined;
    if (typeof axis?.title === 'string' && axis.title.startsWith('latency')) {
      return rec as ReturnType<typeof findLatencyAxis>;
    }
    stack.push(...Object.values(rec));
  }
  throw new Error('no latency axis in the spec');
}

describe('powerTuning: latency against cost, one point per memory size', () => {
  const r = memorySweep([
    [128, 900, 3000, 2.4],
    [1024, 150, 430, 3.3],
    [1792, 105, 278, 4.0],
    [3008, 105, 278, 6.6],
  ]);

  it('marks the cheapest size and the fastest (lowest p99, the cheaper of a tie)', () => {
    const { rows, marks } = powerTuningRows(r);
    expect(rows).toHaveLength(8);
    expect(marks.map((m) => m.note)).toEqual([
      'cheapest: 128 MB, $2.4',
      'fastest: 1792 MB, p99 278 ms',
    ]);
  });

  it('labels the latency axis at 1-2-5 steps inside the data, never every multiple', () => {
    const y = findLatencyAxis(powerTuning(r));
    const values = y.axis.values;
    const domain = y.scale.domain;
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(domain[0]);
      expect(v).toBeLessThanOrEqual(domain[1]);
    }
    // Consecutive labels at least a factor 2 apart: 600, 700, 800, 900 overlapped.
    for (let i = 1; i < values.length; i++)
      expect(values[i] / values[i - 1]).toBeGreaterThanOrEqual(2);
  });

  it('one mark when the cheapest is also the fastest', () => {
    const { marks } = powerTuningRows(
      memorySweep([
        [128, 900, 3000, 5],
        [1024, 150, 430, 3.3],
      ]),
    );
    expect(marks.map((m) => m.note)).toEqual(['cheapest and fastest: 1024 MB']);
  });

  it('leaves out points with no calls or no cost, never a NaN', () => {
    const withEmpty = memorySweep([
      [128, 900, 3000, 2.4],
      [256, 0, 0, 0],
    ]);
    withEmpty.points[1].endToEnd.p50.value = null;
    const { rows } = powerTuningRows(withEmpty);
    expect(rows.map((x) => x.mb)).toEqual([128, 128]);
    expect(JSON.stringify(powerTuning(withEmpty))).not.toMatch(/NaN|Infinity/);
  });

  it('is chosen for a memory sweep', () => {
    expect(chartsFor(r).map((c) => c.name)).toContain('powerTuning');
  });
});
