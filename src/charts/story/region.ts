/**
 * The story section of a published result reproduced (issue 21): Shahrad et al.'s comparison of
 * keep-alive policies across a region, what the paper found beside what this run finds. The
 * paper's side is what models/CALIBRATION.md and the research notes could source: the shape of
 * its Fig. 15 (the hybrid policy dominates the fixed windows), not its numbers, which were not
 * found; so no number of the paper's is written here. coldtail's side is computed from the run,
 * and a sentence or takeaway its numbers do not support is left out or says the opposite.
 */
import type { ExperimentResults } from '../../experiments/results.ts';
import { formatCount, formatMs, formatShare } from '../format.ts';
import { FIXED_SERIES, type RegionParetoRow, regionParetoRows } from '../regionPareto.ts';
import type { StoryText } from './text.ts';

/** The citation, as models/CALIBRATION.md gives it. */
export const PAPER =
  'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020, section 4 (Figs. 14-15)';

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** a beats b: no worse on either count, better on one. */
const dominates = (a: RegionParetoRow, b: RegionParetoRow) =>
  a.share <= b.share && a.wasted <= b.wasted && (a.share < b.share || a.wasted < b.wasted);

/** "20% to 100%", or "100%" when every row has the same share. */
function span(rows: RegionParetoRow[]): string {
  const lo = formatShare(Math.min(...rows.map((r) => r.share)));
  const hi = formatShare(Math.max(...rows.map((r) => r.share)));
  return lo === hi ? lo : `${lo} to ${hi}`;
}

/**
 * Windows in words: "2 h", "10 min to 90 min" when they follow each other in the sweep,
 * "20 min and 2 h" when they do not.
 */
function list(rows: RegionParetoRow[], all: RegionParetoRow[]): string {
  if (rows.length === 1) return rows[0].label;
  const at = rows.map((r) => all.indexOf(r));
  const contiguous = at.every((i, k) => k === 0 || i === at[k - 1] + 1);
  if (contiguous) return `${rows[0].label} to ${rows[rows.length - 1].label}`;
  return `${rows
    .slice(0, -1)
    .map((r) => r.label)
    .join(', ')} and ${rows[rows.length - 1].label}`;
}

/** Fixed windows against the hybrid policy on a region, beside the paper's finding. */
export function keepAliveRegionText(results: ExperimentResults): StoryText {
  const { rows, reference, called } = regionParetoRows(results);
  const fixed = rows.filter((r) => r.series === FIXED_SERIES);
  const hybrid = rows.find((r) => r.series === 'hybrid');
  if (fixed.length < 2 || hybrid === undefined || reference === null || called === null) {
    return { sentences: [], takeaway: null };
  }
  // Over all requests, not per application: the busiest applications weigh the most.
  const requestShare = (r: RegionParetoRow) =>
    results.points.find((p) => p.index === r.point)?.cold.share.value ?? null;
  const functions = results.points.find((p) => p.functions)?.functions?.functions ?? called;
  const hours = formatMs(results.duration - results.warmup);
  const first = fixed[0];
  const last = fixed[fixed.length - 1];
  const beaten = fixed.filter((f) => dominates(hybrid, f));
  const beats = fixed.filter((f) => dominates(f, hybrid));
  const leaner = fixed.filter((f) => f.wasted < hybrid.wasted && !dominates(f, hybrid));
  const sentences = [
    `${PAPER} simulated the applications of Azure Functions' 2019 trace and found that their hybrid histogram policy gave the 75th-percentile application fewer cold starts than fixed keep-alive windows, at equal or less wasted memory; the numbers of their points were not found in the sources this project cites, so only that shape is compared.`,
    `Here each of ${formatCount(functions)} synthetic functions stands for an application (${formatCount(called)} called in the ${hours} measured): a fixed ${first.label} window left the 75th-percentile one cold on ${formatShare(first.share)} of its calls, ${last.label} on ${formatShare(last.share)}, for ${pct(last.wasted)} of the ${reference} window's wasted memory time.`,
    `The hybrid policy left it cold on ${formatShare(hybrid.share)} of its calls, for ${pct(hybrid.wasted)}${
      beaten.length > 0
        ? `: fewer cold starts and less wasted memory than the ${list(beaten, fixed)} window${beaten.length === 1 ? '' : 's'}`
        : ''
    }${
      leaner.length > 0
        ? `; the windows that waste less (${list(leaner, fixed)}) leave it cold on ${span(leaner)} of its calls`
        : ''
    }.`,
    `The numbers may differ from the paper's because the applications are drawn from its published distributions, not replayed from the trace: rate, burstiness, execution time and memory each drawn alone, a steady rate without the trace's daily and weekly cycles, ${hours} measured (an application called less than a few times a day is absent or always cold), and no forecast (ARIMA in the paper) for applications whose idle times mostly exceed the policy's range, where its fixed fallback applies.`,
    `One replication gives no interval, and a rank over ${formatCount(called)} applications moves with the draw: read the order of the points more than their exact values.`,
  ];
  const takeaway =
    beats.length > 0
      ? `Unlike the paper's result, a fixed window (${list(beats, fixed)}) beats the hybrid policy on both counts on this synthetic region: the shape was not reproduced here.`
      : beaten.length > 0
        ? "The paper's shape holds on a synthetic region: no fixed window gives the 75th-percentile application fewer cold starts for less wasted memory than the hybrid policy, which learns each application's idle times instead of keeping every one loaded for the same time."
        : null;
  return {
    sentences,
    takeaway,
    table: {
      caption: 'The paper and this run, side by side',
      head: ['', 'Shahrad et al. 2020', `coldtail, this run`],
      rows: [
        [
          'applications',
          "Azure Functions' 2019 trace (14 days, with its daily and weekly cycles)",
          `${formatCount(functions)} drawn like the trace's, ${hours} measured`,
        ],
        [
          `cold starts of the 75th-percentile application, fixed ${first.label} to ${last.label}`,
          'fall as the window grows (numbers not found)',
          `${formatShare(first.share)} to ${formatShare(last.share)}`,
        ],
        [
          `wasted memory time, ${last.label} against ${reference}`,
          'grows with the window (numbers not found)',
          pct(last.wasted),
        ],
        [
          'hybrid policy: cold starts, wasted memory',
          'fewer cold starts at equal or less wasted memory than the fixed windows',
          `${formatShare(hybrid.share)}, ${pct(hybrid.wasted)}`,
        ],
        [
          `share of all requests with a cold start, hybrid against ${last.label}`,
          "not the paper's measure: it weighs the busiest applications most",
          `${formatShare(requestShare(hybrid))} against ${formatShare(requestShare(last))}`,
        ],
      ],
    },
  };
}
