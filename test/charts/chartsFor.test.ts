import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/charts/chartsFor.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  fanOutSweep,
  keepAliveSweep,
} from './fixtures.ts';

const names = (r: Parameters<typeof chartsFor>[0], hints?: Parameters<typeof chartsFor>[1]) =>
  chartsFor(r, hints).map((c) => c.name);

describe('chartsFor', () => {
  it('picks charts from the sweep axes', () => {
    expect(names(chainDepthSweep())).toEqual(['percentileCurves', 'tailPlot', 'stageBreakdown']);
    expect(names(fanOutSweep())).toEqual([
      'percentileCurves',
      'fanOutSlowShare',
      'tailPlot',
      'stageBreakdown',
    ]);
    expect(names(keepAliveSweep())).toEqual([
      'percentileCurves',
      'keepAliveCost',
      'tailPlot',
      'stageBreakdown',
    ]);
  });

  it('compares side by side when no axis is numeric', () => {
    expect(names(budgetComparison())).toEqual([
      'useCaseBudgets',
      'latencyCdf',
      'tailPlot',
      'stageBreakdown',
    ]);
  });

  it('draws a timeline for a point that has one', () => {
    expect(names(burst())).toEqual([
      'burstTimeline',
      'useCaseBudgets',
      'latencyCdf',
      'tailPlot',
      'stageBreakdown',
    ]);
  });

  it('follows the experiment file: its charts, in its order, with its options', () => {
    const charts = chartsFor(chainDepthSweep(), {
      charts: ['useCaseBudgets', 'percentileCurves'],
      options: { percentileCurves: { split: 'dash' } },
    });
    expect(charts.map((c) => c.name)).toEqual(['useCaseBudgets', 'percentileCurves']);
    expect(JSON.stringify(charts[1].spec)).toContain('strokeDash');
  });

  it('skips a named chart the results cannot support', () => {
    expect(names(chainDepthSweep(), { charts: ['burstTimeline', 'tailPlot'] })).toEqual([
      'tailPlot',
    ]);
  });

  it('rejects an unknown chart name with a suggestion', () => {
    expect(() => chartsFor(chainDepthSweep(), { charts: ['tailplot'] })).toThrow(
      /unknown chart "tailplot"; did you mean "tailPlot"\?/,
    );
  });

  it('gives every chart a file-safe, unique name and a title', () => {
    for (const r of [
      chainDepthSweep(),
      burst(),
      fanOutSweep(),
      keepAliveSweep(),
      budgetComparison(),
    ]) {
      const charts = chartsFor(r);
      expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
      for (const c of charts) {
        expect(c.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
        expect(c.title.length).toBeGreaterThan(3);
      }
    }
  });

  it('returns nothing to draw for a run without points', () => {
    const r = chainDepthSweep();
    r.points = [];
    expect(chartsFor(r)).toEqual([]);
  });
});
