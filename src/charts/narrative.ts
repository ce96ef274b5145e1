/**
 * Short explanations written from a run's own numbers, for the report. Each
 * sentence states only what the results show; a sentence whose numbers are
 * missing (no calls, one replication) is left out rather than guessed.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { displayName, findAxis, isNumericAxis, matchNumericAxis, numericAxes } from './axes.ts';
import { FAN_OUT_AXIS, type FanOutSlowShareOptions } from './fanOutSlowShare.ts';
import { KEEP_ALIVE_AXIS, type KeepAliveCostOptions } from './keepAliveCost.ts';
import { burstSentences } from './narrative/burst.ts';
import { compareSentences, throttleSentence } from './narrative/compare.ts';
import { FAN_OUT_HEDGE_AXIS, fanOutSentences } from './narrative/fanOut.ts';
import { keepAliveSentences } from './narrative/keepAlive.ts';
import { runSentences } from './narrative/run.ts';
import { sweepSentences, tailSentence } from './narrative/sweep.ts';

export interface NarrativeOptions {
  /** The same options the fan-out chart was drawn with, so text and chart agree. */
  fanOut?: FanOutSlowShareOptions;
  /** The same for the keep-alive chart: which cost it weighs against cold starts. */
  keepAlive?: KeepAliveCostOptions;
}

export function narrative(results: ExperimentResults, options: NarrativeOptions = {}): string[] {
  const out = [...runSentences(results)];
  const fan =
    matchNumericAxis(results, FAN_OUT_AXIS) ?? matchNumericAxis(results, FAN_OUT_HEDGE_AXIS);
  const keepX = options.keepAlive?.x;
  const keep = keepX ? findAxis(results, keepX) : matchNumericAxis(results, KEEP_ALIVE_AXIS);
  const sweep = numericAxes(results).find((a) => a !== keep) ?? keep;
  if (sweep) out.push(...sweepSentences(results, sweep));
  if (fan) out.push(...fanOutSentences(results, { x: fan.path, ...options.fanOut }));
  if (keep) out.push(...keepAliveSentences(results, keep, options.keepAlive));
  if (!results.axes.some(isNumericAxis)) {
    if (results.points.length === 1) {
      const tail = tailSentence(results.points[0], 'in this run');
      if (tail) out.push(tail);
    }
    out.push(...compareSentences(results));
  }
  for (const p of results.points) {
    if (p.timeline)
      out.push(
        ...burstSentences(
          p,
          results.points.length > 1 ? displayName(results, p) : '',
          results.replications,
          results.warmup,
        ),
      );
  }
  // A timeline already tells when calls were throttled.
  const throttled = results.points.some((p) => p.timeline) ? null : throttleSentence(results);
  if (throttled) out.push(throttled);
  return out;
}
