import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartOptions, chartsFor } from '../../src/charts/chartsFor.ts';
import { reportSection } from '../../src/charts/report.ts';
import { experimentSchema } from '../../src/experiments/experimentSpec.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  fanOutBimodal,
  fanOutSweep,
  keepAliveSweep,
} from './fixtures.ts';

const EXPERIMENTS = join(import.meta.dirname, '../../experiments');

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

  describe('chart options from the experiment file', () => {
    const fanOut = { name: 'fanOutSlowShare', options: { thresholdMs: 500, p: 0.01 } };
    const subtitle = (spec: unknown) => {
      const t = (spec as { title: { text: string | string[]; subtitle: string[] } }).title;
      return [t.text, t.subtitle].flat().join(' ');
    };

    it('takes a chart as a name or as {name, options}', () => {
      const charts = chartsFor(fanOutBimodal(), { charts: [fanOut, 'percentileCurves'] });
      expect(charts.map((c) => c.name)).toEqual(['fanOutSlowShare', 'percentileCurves']);
      expect(subtitle(charts[0].spec)).toContain('Share of requests slower than 500 ms');
      expect(subtitle(charts[0].spec)).toContain('slow with p = 1%');
    });

    it("lets an entry's options override hints.options", () => {
      const opts = chartOptions({
        charts: [fanOut],
        options: { fanOutSlowShare: { thresholdMs: 100, x: 'graph.fanOut' } },
      });
      expect(opts.fanOutSlowShare).toEqual({ thresholdMs: 500, p: 0.01, x: 'graph.fanOut' });
    });

    it('reads them from an experiment file, through its schema', () => {
      const raw = JSON.parse(readFileSync(join(EXPERIMENTS, 'fan-out.json'), 'utf8'));
      const spec = experimentSchema.parse(raw);
      expect(spec.charts?.[0]).toEqual(fanOut);
      const r = fanOutBimodal();
      const charts = chartsFor(r, { charts: spec.charts });
      expect(subtitle(charts[0].spec)).toContain('slower than 500 ms');
      // The report's narrative says the same threshold as the chart.
      const section = reportSection(r, [], { charts: spec.charts });
      expect(section.narrative.join(' ')).toContain('slower than 500 ms');
    });

    it('refuses an unknown option with a suggestion, and a value of the wrong kind', () => {
      const bad = (options: unknown) => () =>
        chartsFor(fanOutBimodal(), { charts: [{ name: 'fanOutSlowShare', options }] });
      expect(bad({ tresholdMs: 500 })).toThrow(
        /^charts\[0\]\.options: unknown field "tresholdMs"; did you mean "thresholdMs"\?$/,
      );
      expect(bad({ p: 1.5 })).toThrow(/^charts\[0\]\.options\.p: must be < 1 \(got 1.5\)$/);
      expect(bad([1])).toThrow(/^charts\[0\]\.options: must be an object \(got array\)$/);
      expect(() =>
        chartsFor(keepAliveSweep(), {
          charts: [{ name: 'keepAliveCost', options: { cost: 'provider' } }],
        }),
      ).toThrow(/^charts\[0\]\.options\.cost: must be one of "memory", "warmers"/);
    });

    it('refuses a chart listed twice: its files would overwrite each other', () => {
      expect(() =>
        chartsFor(fanOutBimodal(), { charts: ['percentileCurves', { name: 'percentileCurves' }] }),
      ).toThrow(/chart "percentileCurves" is listed twice/);
    });

    it('draws the keep-alive chart with the cost an experiment asks for', () => {
      const [chart] = chartsFor(keepAliveSweep(), {
        charts: [{ name: 'keepAliveCost', options: { cost: 'usdPerMillionRoots' } }],
      });
      expect(JSON.stringify(chart.spec)).toContain('cost per million requests (USD)');
    });
  });
});
