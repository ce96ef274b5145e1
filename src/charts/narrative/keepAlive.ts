/** Sentences about the keep-alive trade-off: cold-start share against cost. */
import type { ExperimentResults } from '../../experiments/results.ts';
import type { Axis } from '../axes.ts';
import { formatShare, formatUsd } from '../format.ts';
import { groupsAlong, valueText } from './groups.ts';
import { trend } from './words.ts';

export function keepAliveSentences(results: ExperimentResults, axis: Axis): string[] {
  const out: string[] = [];
  for (const group of groupsAlong(results, axis)) {
    const pts = group.points;
    if (pts.length < 2) continue;
    const first = pts[0];
    const last = pts[pts.length - 1];
    const from = `from ${axis.name} ${valueText(axis, first.x)} to ${valueText(axis, last.x)}`;
    const parts: string[] = [];
    const a = first.point.cold.share.value;
    const b = last.point.cold.share.value;
    if (a !== null && b !== null) {
      parts.push(
        `the cold-start share ${trend(a, b, 'rises', 'falls')} from ${formatShare(a)} to ${formatShare(b)}`,
      );
    }
    const ca = first.point.cost.usdPerMillionRoots;
    const cb = last.point.cost.usdPerMillionRoots;
    if (ca !== null && cb !== null) {
      parts.push(
        `the cost per million requests ${trend(ca, cb, 'rises', 'falls')} from ${formatUsd(ca)} to ${formatUsd(cb)}`,
      );
    }
    if (parts.length === 0) continue;
    const who = group.series === '' ? '' : `For ${group.series}, `;
    const lead = who ? `${who}${from}` : `${from[0].toUpperCase()}${from.slice(1)}`;
    out.push(`${lead} ${parts.join(', while ')}.`);
  }
  return out;
}
