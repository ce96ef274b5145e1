/** Sentences about the keep-alive trade-off: cold-start share against what it costs. */
import type { ExperimentResults } from '../../experiments/results.ts';
import type { Axis } from '../axes.ts';
import { formatShare, formatUsd, sig3 } from '../format.ts';
import {
  costOf,
  defaultMeasure,
  type KeepAliveCostMeasure,
  type KeepAliveCostOptions,
} from '../keepAliveCost.ts';
import { rangeWords } from '../words.ts';
import { groupsAlong, valueText } from './groups.ts';
import { ratioNote, trend } from './words.ts';

/** How each cost is named and written in a sentence. */
const SAY: Record<KeepAliveCostMeasure, { name: string; value: (x: number) => string }> = {
  memory: {
    name: 'the memory kept alive per request',
    value: (x) => `${sig3(x)} GB-s`,
  },
  warmers: { name: "the warmer pings' cost", value: (x) => `${formatUsd(x)} a month` },
  usdPerMillionRoots: { name: 'the cost per million requests', value: formatUsd },
  usd: { name: 'the cost of the run', value: formatUsd },
};

export function keepAliveSentences(
  results: ExperimentResults,
  axis: Axis,
  options: KeepAliveCostOptions = {},
): string[] {
  const measure = options.cost ?? defaultMeasure(results.points);
  const say = SAY[measure];
  const out: string[] = [];
  for (const group of groupsAlong(results, axis)) {
    const pts = group.points;
    if (pts.length < 2) continue;
    const first = pts[0];
    const last = pts[pts.length - 1];
    const from = rangeWords(axis, valueText(axis, first.x), valueText(axis, last.x));
    const parts: string[] = [];
    const a = first.point.cold.share.value;
    const b = last.point.cold.share.value;
    if (a !== null && b !== null) {
      const move = trend(a, b, 'rises', 'falls');
      // "stays the same from 0% to 0%" said one number twice.
      const span =
        move.startsWith('stays') && formatShare(a) === formatShare(b)
          ? `stays at ${formatShare(a)}`
          : `${move} from ${formatShare(a)} to ${formatShare(b)}`;
      parts.push(`the cold-start share ${span}`);
    }
    const ca = costOf(results, first.point, measure);
    const cb = costOf(results, last.point, measure);
    if (ca !== null && cb !== null && Number.isFinite(ca) && Number.isFinite(cb)) {
      const move = trend(ca, cb, 'rises', 'falls');
      const span = move.startsWith('stays')
        ? `at ${say.value(ca)}`
        : `from ${say.value(ca)} to ${say.value(cb)}${ratioNote(ca, cb)}`;
      parts.push(`${say.name} ${move} ${span}`);
    }
    if (parts.length === 0) continue;
    let s = parts.join(', while ');
    // Idle time is not billed: say that the customer's bill does not move.
    const ba = first.point.cost.usdPerMillionRoots;
    const bb = last.point.cost.usdPerMillionRoots;
    // Only a bill there is: a platform priced at nothing does not bill its busy time either.
    if (
      measure === 'memory' &&
      ba !== null &&
      bb !== null &&
      ba > 0 &&
      trend(ba, bb).startsWith('stays')
    ) {
      s += `; the customer's bill stays at ${formatUsd(ba)} per million requests, since idle time is not billed`;
    }
    const who = group.series === '' ? '' : `For ${group.series}, `;
    const lead = who ? `${who}${from}` : `${from[0].toUpperCase()}${from.slice(1)}`;
    out.push(`${lead} ${s}.`);
  }
  return out;
}
