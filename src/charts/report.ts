/**
 * One self-contained HTML page for a run: a table of contents, and per
 * experiment its description, what the numbers say, the charts as inline
 * SVG, and a table of percentiles. No scripts, no fonts or images to fetch:
 * it opens from a file, a mail attachment or a CI artifact alike, and its
 * Content-Security-Policy forbids loading anything.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { type ChartHints, chartOptions } from './chartsFor.ts';
import { formatMs, formatShare } from './format.ts';
import { escapeHtml as esc, slug } from './html.ts';
import { inlineSvg } from './inlineSvg.ts';
import { narrative as narrate } from './narrative.ts';
import { REPORT_CSS } from './reportStyle.ts';
import { type PercentileRow, percentileTable } from './table.ts';

export interface ReportChart {
  name: string;
  title: string;
  /** SVG text as renderSvg returns it. */
  svg: string;
}

export interface ReportSection {
  /** The experiment's name: the section's anchor. */
  name: string;
  title: string;
  description: string;
  narrative: string[];
  charts: ReportChart[];
  table?: PercentileRow[];
}

export interface ReportInput {
  title: string;
  /** Who or what made the report, e.g. "coldtail 0.1.0, seed 42". Printed, never a date: reports are reproducible. */
  generatedBy: string;
  sections: ReportSection[];
}

/** A section for one experiment's results, with its narrative and percentile table. */
export function reportSection(
  results: ExperimentResults,
  charts: ReportChart[],
  hints: ChartHints = {},
): ReportSection {
  return {
    name: results.experiment.name,
    title: results.experiment.title || results.experiment.name,
    description: results.experiment.description,
    // The narrative reads the charts' options, so text and chart agree.
    narrative: narrate(results, {
      fanOut: chartOptions(hints).fanOutSlowShare,
      keepAlive: chartOptions(hints).keepAliveCost,
    }),
    charts,
    table: percentileTable(results),
  };
}

export function buildReport(input: ReportInput): string {
  const ids = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let i = 2; ids.has(id); i += 1) id = `${base}-${i}`;
    ids.add(id);
    return id;
  };
  let figure = 0;
  const sections = input.sections.map((s) => {
    const id = unique(`s-${slug(s.name)}`);
    const charts = s.charts.map((c) => {
      figure += 1;
      return { ...c, id: unique(`${id}-${slug(c.name)}`), n: figure };
    });
    return { ...s, id, charts };
  });
  const toc = sections
    .map((s) => {
      const sub = s.charts.map((c) => `<li><a href="#${c.id}">${esc(c.title)}</a></li>`).join('');
      return `<li><a href="#${s.id}">${esc(s.title)}</a>${sub ? `<ol>${sub}</ol>` : ''}</li>`;
    })
    .join('\n');
  const body = sections
    .map((s) => {
      const parts = [
        `<section id="${s.id}" aria-labelledby="${s.id}-h">`,
        `<h2 id="${s.id}-h">${esc(s.title)}</h2>`,
      ];
      if (s.description) parts.push(`<p class="description">${esc(s.description)}</p>`);
      if (s.narrative.length > 0) {
        parts.push(
          `<ul class="narrative">${s.narrative.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
        );
      }
      for (const c of s.charts) {
        parts.push(
          `<figure id="${c.id}" aria-labelledby="${c.id}-c">`,
          `<div class="chart">${inlineSvg(c.svg, `f${c.n}`)}</div>`,
          `<figcaption id="${c.id}-c">Figure ${c.n}. ${esc(c.title)}</figcaption>`,
          '</figure>',
        );
      }
      if (s.table && s.table.length > 0) parts.push(tableHtml(s.table));
      parts.push('</section>');
      return parts.join('\n');
    })
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(input.title)}</h1><p class="by">${esc(input.generatedBy)}</p></header>`,
    `<nav aria-label="Contents"><h2>Contents</h2><ol>\n${toc}\n</ol></nav>`,
    `<main>\n${body}\n</main>`,
    `<footer>${esc(input.generatedBy)}. Latencies in milliseconds unless a unit is given; intervals are 95%.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableHtml(rows: readonly PercentileRow[]): string {
  const head = ['point', 'calls', 'p50', 'p90', 'p99', 'p99.9', 'max', 'cold start', 'throttled']
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  const body = rows
    .map((r) => {
      const cells = [
        r.count.toLocaleString('en-US'),
        formatMs(r.p50),
        formatMs(r.p90),
        formatMs(r.p99),
        formatMs(r.p999),
        formatMs(r.max),
        formatShare(r.coldShare),
        formatShare(r.throttledShare),
      ];
      return `<tr><th scope="row">${esc(r.label)}</th>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return [
    '<div class="table-wrap"><table>',
    '<caption>End-to-end latency of completed requests, by point</caption>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}
