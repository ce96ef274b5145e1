/** Sentences about fan-out: the simulated share of slow requests against 1 - (1 - p)^n. */
import type { ExperimentResults } from '../../experiments/results.ts';
import { type FanOutSlowShareOptions, fanOutModel } from '../fanOutSlowShare.ts';
import { formatMs, formatShare } from '../format.ts';
import { atWords } from '../words.ts';
import { capitalize } from './words.ts';

export function fanOutSentences(
  results: ExperimentResults,
  options: FanOutSlowShareOptions = {},
): string[] {
  const model = fanOutModel(results, options);
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
  let s = `${capitalize(atWords(model.axis, String(widest.n)))}${who}, ${formatShare(share)} of requests were ${slow}`;
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
