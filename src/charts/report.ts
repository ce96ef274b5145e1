/**
 * One self-contained HTML page for a run, told as a story in the founding
 * article's order (story/order.ts): an opening that says what the reader will
 * learn and how to read a percentile, then per topic the question, the one
 * chart that answers it, a few sentences from the run's numbers, a takeaway
 * and what to try next; everything else about the experiment (its other
 * charts, all the numbers, the full table) behind a disclosure. Experiments
 * the story does not know follow it. No scripts, no fonts or images to
 * fetch: it opens from a file, a mail attachment or a CI artifact alike, and
 * its Content-Security-Policy forbids loading anything.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { type ChartHints, chartOptions } from './chartsFor.ts';
import { formatCount, formatMs, formatShare } from './format.ts';
import { escapeHtml as esc, slug } from './html.ts';
import { inlineSvg } from './inlineSvg.ts';
import { narrative as narrate } from './narrative.ts';
import { REPORT_CSS } from './reportStyle.ts';
import { spanning } from './spanning.ts';
import { STORY, type StoryEntry } from './story/order.ts';
import { lessonLink, playgroundLink } from './story/playground.ts';
import { stat } from './story/points.ts';
import type { SmallTable } from './story/text.ts';
import { type PercentileRow, percentileTable } from './table.ts';
import { inWords } from './words.ts';

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
  /** The results, for the story's sentences; without them the section is shown as it is. */
  results?: ExperimentResults;
}

export interface ReportInput {
  title: string;
  /** Who or what made the report, e.g. "coldtail 0.1.0, seed 42". Printed, never a date: reports are reproducible. */
  generatedBy: string;
  sections: ReportSection[];
  /** Whether output/playground/index.html was built: then "try next" links into it. */
  playground?: boolean;
}

/** Rows of a table shown in full; longer ones show this many that span it, the rest behind a disclosure. */
export const SUMMARY_ROWS = 12;

/** A section for one experiment's results, with its narrative and percentile table. */
export function reportSection(
  results: ExperimentResults,
  charts: ReportChart[],
  hints: ChartHints = {},
): ReportSection {
  const words = inWords(results);
  return {
    name: results.experiment.name,
    title: results.experiment.title || results.experiment.name,
    description: results.experiment.description,
    // The narrative reads the charts' options, so text and chart agree.
    narrative: narrate(words, {
      fanOut: chartOptions(hints).fanOutSlowShare,
      keepAlive: chartOptions(hints).keepAliveCost,
    }),
    charts,
    table: percentileTable(words),
    results,
  };
}

interface Placed {
  section: ReportSection;
  story: StoryEntry | null;
  id: string;
  heading: string;
  /** Whether this is the experiment's first appearance (its details go there). */
  first: boolean;
}

export function buildReport(input: ReportInput): string {
  const ids = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let i = 2; ids.has(id); i += 1) id = `${base}-${i}`;
    ids.add(id);
    return id;
  };
  const byName = new Map(input.sections.map((s) => [s.name, s]));
  const placed: Placed[] = [];
  const told = new Set<string>();
  for (const story of STORY) {
    const section = byName.get(story.experiment);
    if (!section?.results) continue;
    placed.push({
      section,
      story,
      id: unique(`s-${slug(story.heading)}`),
      heading: story.heading,
      first: !told.has(section.name),
    });
    told.add(section.name);
  }
  const rest = input.sections.filter((s) => !told.has(s.name));
  for (const section of rest) {
    placed.push({
      section,
      story: null,
      id: unique(`s-${slug(section.name)}`),
      heading: section.title,
      first: true,
    });
  }
  let figure = 0;
  const chartId = (p: Placed, c: ReportChart) => unique(`${p.id}-${slug(c.name)}`);
  /**
   * A figure, numbered in reading order; `sub` (a, b, ...) numbers the charts folded under a
   * section's main figure after it (3a, 3b), so that the numbers a reader sees run 1, 2, 3
   * without the folded ones' gaps.
   */
  const figureHtml = (p: Placed, c: ReportChart, sub?: number) => {
    if (sub === undefined) figure += 1;
    const label = sub === undefined ? `${figure}` : `${figure}${subLetter(sub)}`;
    const id = chartId(p, c);
    return [
      `<figure id="${id}" aria-labelledby="${id}-c">`,
      `<div class="chart">${inlineSvg(c.svg, `f${label}`)}</div>`,
      `<figcaption id="${id}-c">Figure ${label}. ${esc(c.title)}</figcaption>`,
      '</figure>',
    ].join('\n');
  };
  const storyCount = placed.filter((p) => p.story).length;
  const toc = placed
    .map((p, i) => {
      const more = !p.story && i === storyCount ? ' class="more"' : '';
      return `<li${more}><a href="#${p.id}">${esc(p.heading)}</a></li>`;
    })
    .join('\n');
  const body = placed
    .map((p, i) => {
      const s = p.section;
      const parts = [`<section id="${p.id}" aria-labelledby="${p.id}-h">`];
      if (!p.story && i === storyCount && storyCount > 0) {
        parts.push('<p class="part">More experiments</p>');
      }
      parts.push(`<h2 id="${p.id}-h">${esc((p.story ? `${i + 1}. ` : '') + p.heading)}</h2>`);
      if (p.story && s.results) {
        parts.push(`<p class="question">${esc(p.story.question ?? s.title)}</p>`);
        const main = s.charts.find(
          (c) => c.name === p.story?.chart || c.name.startsWith(`${p.story?.chart}-`),
        );
        if (main) parts.push(figureHtml(p, main));
        const text = p.story.text(s.results);
        if (text.sentences.length > 0)
          parts.push(`<p class="story">${esc(text.sentences.join(' '))}</p>`);
        if (text.takeaway) {
          parts.push(`<p class="takeaway"><strong>Takeaway.</strong> ${esc(text.takeaway)}</p>`);
        }
        if (text.table) parts.push(smallTableHtml(text.table));
        parts.push(tryNextHtml(p.story, input.playground === true));
        if (p.first) {
          const others = s.charts.filter((c) => c !== main);
          const what = [
            others.length > 0 ? `${others.length} more chart${others.length === 1 ? '' : 's'}` : '',
            'the percentile table',
            'every number of the run',
          ].filter((w) => w !== '');
          parts.push(
            `<details><summary>More from this experiment (${esc(s.name)}): ${esc(what.join(', '))}</summary>`,
            s.description ? `<p class="description">${esc(s.description)}</p>` : '',
            narrativeHtml(s.narrative),
            // Under the main figure's number when there is one; numbered on otherwise.
            ...others.map((c, k) => figureHtml(p, c, main ? k : undefined)),
            s.table && s.table.length > 0 ? percentilesHtml(s.table, s.name) : '',
            '</details>',
          );
        }
      } else {
        if (s.description) parts.push(`<p class="description">${esc(s.description)}</p>`);
        parts.push(narrativeHtml(s.narrative));
        for (const c of s.charts) parts.push(figureHtml(p, c));
        if (s.table && s.table.length > 0) parts.push(percentilesHtml(s.table, s.name));
      }
      parts.push('</section>');
      return parts.filter((x) => x !== '').join('\n');
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
    `<div class="opening">${openingHtml(input.sections, storyCount)}</div>`,
    `<nav aria-label="Contents"><h2>Contents</h2><ol>\n${toc}\n</ol></nav>`,
    `<main>\n${body}\n</main>`,
    `<footer>${esc(input.generatedBy)}. Latencies in milliseconds unless a unit is given.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * What the reader will learn, and how to read a percentile, with an example
 * from the run itself: the first point of the first section with calls.
 */
function openingHtml(sections: readonly ReportSection[], storyCount: number): string {
  const parts: string[] = [];
  if (storyCount > 0) {
    parts.push(
      '<p>This report follows a serverless call from the user to the function and back, and shows with simulated numbers why serverless apps are slow and what would fix it: percentiles rather than means, where the time goes, how far the user is, cold starts and what keeps them away, bursts, latency budgets, and how chains and fan-outs compound the tail. Each section asks a question, answers it with one chart and a few sentences computed from this run, and ends with what to try next.</p>',
    );
  }
  let example = '';
  for (const s of sections) {
    const pt = s.results?.points.find((p) => stat(p, 'p50') !== null && stat(p, 'p99') !== null);
    if (!s.results || !pt) continue;
    const name =
      pt.label === ''
        ? s.name
        : `${s.name}, ${inWords(s.results).points[pt.index]?.label ?? pt.label}`;
    example = ` In this run (${esc(name)}), half the requests took under ${formatMs(stat(pt, 'p50'))}: that is the p50, the median. One in a hundred took over ${formatMs(stat(pt, 'p99'))}: that is the p99.`;
    break;
  }
  parts.push(
    `<p><strong>How to read a percentile.</strong> The p<em>N</em> of a latency is the time that <em>N</em>% of requests beat.${example} A user who makes a hundred requests meets the p99 about once, so the tail matters as much as the middle.</p>`,
  );
  return parts.join('\n');
}

function narrativeHtml(sentences: readonly string[]): string {
  if (sentences.length === 0) return '';
  return `<ul class="narrative">${sentences.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
}

function tryNextHtml(story: StoryEntry, playground: boolean): string {
  if (story.tryNext.length === 0) return '';
  const links = story.tryNext.map((t) => (playground ? playgroundLink(story.playground, t) : null));
  // A suggestion the playground cannot express is named in words only, never linked to something else.
  const items = story.tryNext.map((t, i) => {
    const href = links[i];
    return href ? `<a href="${esc(href)}">${esc(t.words)}</a>` : esc(t.words);
  });
  const linked = links.filter((l) => l !== null).length;
  const where =
    story.playground === null
      ? ' (in a copy of the experiment file)'
      : !playground
        ? ' (in the playground, or in a copy of the experiment file)'
        : linked === items.length
          ? ''
          : linked === 0
            ? ' (in a copy of the experiment file; the playground cannot set this)'
            : ' (in the playground, or in a copy of the experiment file)';
  // Every section opens the playground on its lesson, even when it cannot set a suggestion.
  const lesson = playground && linked === 0 ? lessonLink(story.playground) : null;
  const open = lesson ? ` Or open <a href="${esc(lesson)}">this lesson in the playground</a>.` : '';
  return `<p class="next"><strong>Try next${where}:</strong> ${items.join('; ')}.${open}</p>`;
}

function smallTableHtml(t: SmallTable): string {
  const head = t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return [
    `<div class="table-wrap"><table class="small">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}

/**
 * The percentile table: in full up to SUMMARY_ROWS rows; longer, the rows
 * that span the sweep, and the whole table behind a disclosure (and in the
 * experiment's results.csv).
 */
function percentilesHtml(rows: readonly PercentileRow[], name: string): string {
  if (rows.length <= SUMMARY_ROWS)
    return tableHtml(rows, 'End-to-end latency of completed requests, by point');
  const shown = spanning(rows, SUMMARY_ROWS);
  return [
    tableHtml(
      shown,
      `End-to-end latency of completed requests: ${shown.length} of the ${formatCount(rows.length)} points, spread over the sweep`,
    ),
    `<details><summary>All ${formatCount(rows.length)} points (also in ${esc(name)}/results.csv)</summary>`,
    tableHtml(rows, 'End-to-end latency of completed requests, by point'),
    '</details>',
  ].join('\n');
}

function tableHtml(rows: readonly PercentileRow[], caption: string): string {
  const head = ['point', 'calls', 'mean', 'p50', 'p99', 'p99.9', 'max', 'cold start', 'throttled']
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  const body = rows
    .map((r) => {
      const cells = [
        r.count.toLocaleString('en-US'),
        formatMs(r.mean ?? null),
        formatMs(r.p50),
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
    `<caption>${esc(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}

/** a, b, ..., z, then aa, ab, ...: letters for the charts folded under one figure. */
function subLetter(k: number): string {
  const letter = String.fromCharCode(97 + (k % 26));
  return k < 26 ? letter : `${subLetter(Math.floor(k / 26) - 1)}${letter}`;
}
