/**
 * Every valid sweep draws its charts, whatever its size (a sweep may have up
 * to 10,000 points): charts with a mark per point show the points that span
 * the sweep and say so, and nothing recurses or spreads input-sized arrays.
 */
import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../../src/charts/chartsFor.ts';
import { fanOutSlowShare } from '../../../src/charts/fanOutSlowShare.ts';
import { keepAliveCost } from '../../../src/charts/keepAliveCost.ts';
import { latencyCdf } from '../../../src/charts/latencyCdf.ts';
import { tailPlot } from '../../../src/charts/tailPlot.ts';
import { renderSvg } from '../../../src/node/render/renderSvg.ts';
import { wideSweep } from '../../charts/fixtures.ts';
import { markCount, texts } from '../../charts/svg.ts';

const NAMES = ['percentileCurves', 'latencyCdf', 'tailPlot', 'stageBreakdown', 'useCaseBudgets'];

describe('charts of sweeps of any size', () => {
  for (const n of [1, 31, 100, 1_000, 10_000]) {
    it(`draws every chart of a ${n.toLocaleString('en-US')}-point sweep`, async () => {
      const results = wideSweep(n);
      const charts = chartsFor(results, { charts: NAMES });
      expect(charts.map((c) => c.name)).toEqual(NAMES);
      for (const c of charts) {
        const warnings: string[] = [];
        const svg = await renderSvg(c.spec, { onWarning: (w) => warnings.push(w) });
        expect(svg.startsWith('<svg'), c.name).toBe(true);
        expect(svg, c.name).not.toContain('NaN');
        // Vega drops legend entries past its limit: no chart should need that.
        expect(warnings, c.name).toEqual([]);
        const words = texts(svg).join(' ');
        if (c.name === 'latencyCdf' || c.name === 'tailPlot') {
          if (n > 12) expect(words).toContain(`showing the 12 of ${n.toLocaleString('en-US')}`);
          else expect(words).not.toContain('too many');
        }
      }
    }, 60_000);
  }

  // Lines along the sweep are drawn through at most 1,000 of its values and
  // lose their markers past 60; a scatter keeps 200 dots. Unthinned, 10,000
  // points made SVGs of 6.4 MB (keep-alive) and 2.7 MB (fan-out).
  const ALONG = [
    {
      name: 'keepAliveCost',
      axis: { path: 'platformOverrides.keepAlive', name: 'keep-alive' },
      build: keepAliveCost,
      mark: 'line',
      thinned: 'Lines drawn through 1,000 of the 10,000 values of keep-alive',
    },
    {
      name: 'fanOutSlowShare',
      axis: { path: 'graph.fanOut.width', name: 'fan-out' },
      build: fanOutSlowShare,
      mark: 'symbol',
      thinned: 'Points drawn at 200 of the 10,000 values of fan-out',
    },
  ];
  for (const c of ALONG) {
    for (const n of [31, 10_000]) {
      it(`draws ${c.name} along a ${n.toLocaleString('en-US')}-point sweep, thinned when large`, async () => {
        const warnings: string[] = [];
        const svg = await renderSvg(c.build(wideSweep(n, c.axis)), {
          onWarning: (w) => warnings.push(w),
        });
        expect(warnings).toEqual([]);
        expect(svg).not.toContain('NaN');
        const words = texts(svg).join(' ');
        if (n > 1_000) {
          expect(words).toContain(c.thinned);
          expect(svg.length).toBeLessThan(400_000);
        } else {
          expect(words).not.toMatch(/drawn (through|at) \d/);
        }
        if (c.name === 'keepAliveCost')
          // A marker on each point of a short sweep; none past 60 points.
          expect(markCount(svg, 'symbol')).toBe(n > 60 ? 0 : 2 * n);
        else expect(markCount(svg, c.mark)).toBe(Math.min(n, 200));
      }, 60_000);
    }
  }

  it('says which points a CDF shows: the first, the last and those between', () => {
    const spec = latencyCdf(wideSweep(100)) as { data: { values: { point: string }[] } };
    const lines = [...new Set(spec.data.values.map((r) => r.point))];
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('1');
    expect(lines[11]).toBe('100');
  });

  it('draws a results file with millions of CDF pairs without overflowing the stack', async () => {
    const results = wideSweep(1);
    const m = 2_000_000;
    results.points[0].cdf = Array.from({ length: m }, (_, i) => [(i + 0.5) / m, 10 + i / 1000]);
    for (const spec of [latencyCdf(results), tailPlot(results)]) {
      const svg = await renderSvg(spec);
      expect(texts(svg).join(' ')).toMatch(/each line drawn through 400/i);
    }
  }, 60_000);
});

describe('the Vega logger', () => {
  it('forwards a runtime warning that Vega logs through an unbound method', async () => {
    // 60 colours overflow Vega's symbol legend, which warns from inside its runtime.
    const values = Array.from({ length: 60 }, (_, i) => ({ x: i, y: i, c: `c${i}` }));
    const warnings: string[] = [];
    const svg = await renderSvg(
      {
        data: { values },
        mark: 'point',
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          color: { field: 'c', type: 'nominal' },
        },
      },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(warnings.join(' ')).toMatch(/legend count exceeds limit/);
  });
});
