/** Sentences about fan-out: the simulated share of slow requests against 1 - (1 - p)^n. */
import type { ExperimentResults } from '../../experiments/results.ts';
import { type Axis, xAxisOf } from '../axes.ts';
import {
  FAN_OUT_AXIS,
  type FanOutModel,
  type FanOutSlowShareOptions,
  fanOutModel,
} from '../fanOutSlowShare.ts';
import { formatMs, formatShare } from '../format.ts';
import { atWords } from '../words.ts';
import { valueText } from './groups.ts';
import { capitalize } from './words.ts';

/**
 * A request "slow" in a hedged fan-out: over half a second, which only a slow
 * leaf causes. One number for the whole section: the story's sentences
 * (story/client.ts) read it too, so that both give the same share.
 */
export const HEDGED_SLOW_MS = 500;

/** The hedge delay of each call of a fan-out: an axis along the fan-out that is not its width. */
const HEDGE_DELAY = /hedge\.after$/;

/** A sweep of a fan-out's hedge delay (FAN_OUT_AXIS, which looks at the width, does not match it). */
export const FAN_OUT_HEDGE_AXIS = /fan.?out\.caller\.hedge\.after$/i;

/** Any other setting of the fan-out's calls (retries, a timeout): not their number either. */
const CALLER_SETTING = /\.caller\./;

export function fanOutSentences(
  results: ExperimentResults,
  options: FanOutSlowShareOptions = {},
): string[] {
  // The fan-out axis is found by its path, and a hedge delay's path names the fan-out it
  // hedges (graph.fanOut.caller.hedge.after): the width's sentence would read a delay as a
  // number of leaves, and take its threshold from the shortest delay as if it were one leaf.
  const axis = xAxisOf(results, options.x, FAN_OUT_AXIS);
  if (axis && HEDGE_DELAY.test(axis.path)) return hedgedSentences(results, options);
  if (axis && CALLER_SETTING.test(axis.path)) return [];
  return widthSentences(fanOutModel(results, options), options);
}

/** "With 100 parallel calls, 64% of requests were slower than 280 ms; independent leaves ..." */
function widthSentences(model: FanOutModel, options: FanOutSlowShareOptions): string[] {
  const known = model.points.filter((r) => r.share !== null).sort((a, b) => a.n - b.n);
  if (known.length === 0) return [];
  const widest = known[known.length - 1];
  const share = widest.share as number;
  // Each series is slow by its own threshold, and predicted from its own p.
  const own = model.series.find((s) => s.name === widest.series) ?? model;
  const slow =
    options.slowShare === undefined && own.thresholdMs !== null
      ? `slower than ${formatMs(own.thresholdMs)}`
      : 'slow';
  const who = widest.series === '' ? '' : ` for ${widest.series}`;
  const at = atWords(model.axis, valueText(model.axis, widest.n));
  let s = `${capitalize(at)}${who}, ${formatShare(share)} of requests were ${slow}`;
  if (own.p !== null) {
    const predicted = 1 - (1 - own.p) ** widest.n;
    s += `; independent leaves each slow with probability ${formatShare(own.p)} predict ${formatShare(predicted)}`;
    const gap = share - predicted;
    if (Math.abs(gap) >= 0.05) {
      s +=
        gap > 0
          ? ', so the run has more slow requests than independence explains'
          : ', so fewer than independence predicts';
    }
  }
  return [`${s}.`];
}

/**
 * "Hedging after 10 s, 38% of requests were slower than 500 ms; hedging after
 * 10 ms, 0.35%": the share of slow requests at the longest delay (a copy
 * practically never sent) and at the shortest, against one threshold for
 * both, the section's (HEDGED_SLOW_MS) unless the chart's options give one.
 * No 1 - (1 - p)^n here: the number of leaves does not change along the sweep.
 */
function hedgedSentences(results: ExperimentResults, options: FanOutSlowShareOptions): string[] {
  const thresholdMs = options.thresholdMs ?? HEDGED_SLOW_MS;
  const model = fanOutModel(results, { ...options, thresholdMs });
  const slow = options.slowShare === undefined ? `slower than ${formatMs(thresholdMs)}` : 'slow';
  const out: string[] = [];
  for (const { name } of model.series) {
    const known = model.points
      .filter((r) => r.series === name && r.share !== null)
      .sort((a, b) => b.n - a.n);
    if (known.length === 0) continue;
    const longest = known[0];
    const shortest = known[known.length - 1];
    const who = name === '' ? '' : ` for ${name}`;
    let s = `${capitalize(hedgingAt(model.axis, longest.n))}${who}, ${formatShare(longest.share)} of requests were ${slow}`;
    if (shortest !== longest)
      s += `; ${hedgingAt(model.axis, shortest.n)}, ${formatShare(shortest.share)}`;
    out.push(`${s}.`);
  }
  return out;
}

/** "hedging after 10 s": a hedge delay is a duration in ms, whatever the axis is named. */
function hedgingAt(axis: Axis, ms: number): string {
  return atWords(axis, formatMs(ms));
}
