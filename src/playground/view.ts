/**
 * What the page shows of a run: the report's own charts (the same Vega-Lite
 * spec builders as `coldtail run` and the report, drawn by vega-embed), the
 * numbers behind the cold starts, throttles and cost, and the report's
 * sentences written from the run's numbers.
 */
import embed, { type Result } from 'vega-embed';
import { axisNumbers, displayName, numericAxes } from '../charts/axes.ts';
import { formatMs, formatShare, formatUsd } from '../charts/format.ts';
import { narrative } from '../charts/narrative.ts';
import { percentileCurves } from '../charts/percentileCurves.ts';
import { stageBreakdown } from '../charts/stageBreakdown.ts';
import { tailPlot } from '../charts/tailPlot.ts';
import type { VegaLiteSpec } from '../charts/types.ts';
import { useCaseBudgets } from '../charts/useCaseBudgets.ts';
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { h } from './controls.ts';
import type { TourChart } from './tour.ts';

/** The points at the far end of the sweep (deepest chain, widest fan-out), one per platform. */
export function farPoints(results: ExperimentResults): PointResult[] {
  const x = numericAxes(results)[0];
  if (!x) return results.points.slice(-1);
  const top = Math.max(...axisNumbers(x));
  return results.points.filter((p) => p.params[x.path] === top);
}

export function chartSpec(name: TourChart, results: ExperimentResults): VegaLiteSpec {
  switch (name) {
    case 'percentileCurves':
      return percentileCurves(results);
    case 'stageBreakdown':
      return stageBreakdown(results, { points: farPoints(results).map((p) => p.index) });
    case 'tailPlot':
      return tailPlot(results);
    case 'useCaseBudgets':
      return useCaseBudgets(results);
  }
}

/** A chart slot: draws a spec, replacing what it showed, and frees the old view. */
export class ChartSlot {
  private current: Result | null = null;
  private version = 0;

  constructor(readonly element: HTMLElement) {}

  async draw(spec: VegaLiteSpec, label: string): Promise<void> {
    const version = ++this.version;
    const target = h('div', { className: 'vega' });
    const result = await embed(target, spec, {
      actions: false,
      renderer: 'svg',
      // No tooltip handler script from elsewhere; vega-embed's own is bundled.
      tooltip: true,
    });
    if (version !== this.version) {
      result.finalize();
      return;
    }
    target.setAttribute('role', 'img');
    target.setAttribute('aria-label', label);
    this.current?.finalize();
    this.current = result;
    this.element.replaceChildren(target);
  }

  clear(text: string): void {
    this.version++;
    this.current?.finalize();
    this.current = null;
    this.element.replaceChildren(h('p', { className: 'empty' }, text));
  }
}

const ms = (v: number | null) => formatMs(v);

/** "at depth 6", "on azure-functions at width 100". */
function farName(results: ExperimentResults, p: PointResult): string {
  return results.axes
    .map((a) =>
      a.path === 'platform' ? `on ${p.params[a.path]}` : `at ${a.name} ${p.params[a.path]}`,
    )
    .join(' ');
}

/** The p99 the page leads with: at the far end of the sweep, per platform, with its interval. */
export function headline(results: ExperimentResults): HTMLElement {
  const list = h('dl', { className: 'headline' });
  for (const p of farPoints(results)) {
    const e = p.endToEnd;
    const half =
      e.p99.low !== null && e.p99.high !== null ? ` ± ${ms((e.p99.high - e.p99.low) / 2)}` : '';
    const out = h(
      'output',
      { className: 'p99', 'data-ms': String(e.p99.value) },
      `${ms(e.p99.value)}${half}`,
    );
    list.append(
      h('dt', {}, `p99 ${farName(results, p)}`),
      h('dd', {}, out, h('span', { className: 'p50' }, ` (median ${ms(e.p50.value)})`)),
    );
  }
  return list;
}

/** Cold starts, throttles and cost, point by point. */
export function numbersTable(results: ExperimentResults): HTMLElement {
  const warmers = results.points.some((p) => p.warmers !== null);
  const head = [
    'point',
    'requests',
    'p50',
    'p99',
    'cold share',
    'cold starts',
    'throttled',
    'USD per million requests',
    ...(warmers ? ['warmer pings, USD'] : []),
  ];
  const table = h(
    'table',
    { className: 'numbers' },
    h(
      'caption',
      {},
      'Cold starts, throttles and cost per point (measured window, all replications)',
    ),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
  );
  const body = h('tbody');
  for (const p of results.points) {
    const cells = [
      p.calls.arrivals.toLocaleString('en-US'),
      ms(p.endToEnd.p50.value),
      ms(p.endToEnd.p99.value),
      formatShare(p.cold.share.value),
      p.cold.coldStarts.toLocaleString('en-US'),
      p.calls.arrivals > 0
        ? `${p.calls.throttled.toLocaleString('en-US')} (${formatShare(p.calls.throttled / p.calls.arrivals)})`
        : '–',
      formatUsd(p.cost.usdPerMillionRoots),
      ...(warmers ? [p.warmers ? formatUsd(p.warmers.usd) : '–'] : []),
    ];
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, displayName(results, p)),
        ...cells.map((c) => h('td', {}, c)),
      ),
    );
  }
  table.append(body);
  return table;
}

/** The report's sentences from the run's own numbers. */
export function sentences(results: ExperimentResults): HTMLElement {
  return h('div', { className: 'narrative' }, ...narrative(results).map((s) => h('p', {}, s)));
}
