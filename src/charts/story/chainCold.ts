/**
 * Cold starts compounding along a chain: the measured share of requests with
 * a cold start at each depth, against 1 - (1 - q)^d for links each cold
 * independently with the depth-1 share q. A prediction needs enough cold
 * calls behind q (MIN_COLD_CALLS); with fewer the report says so instead of
 * predicting from a handful.
 */
import type { ExperimentResults } from '../../experiments/results.ts';
import { formatCount, formatRatio, formatShare } from '../format.ts';
import { coldCalls, pointWhere } from './points.ts';
import type { StoryText } from './text.ts';

/** Cold calls behind q before it predicts anything: fewer give an interval wider than the effect. */
export const MIN_COLD_CALLS = 30;

export function chainColdText(results: ExperimentResults): StoryText {
  const depth = results.axes.find((a) => /depth/i.test(a.path));
  if (!depth) return { sentences: [], takeaway: null };
  const depths = [...depth.values].map(Number).sort((a, b) => a - b);
  const others = results.axes.filter((a) => a !== depth);
  const series = others.length === 1 ? others[0].values.map(String) : [''];
  const sentences: string[] = [];
  const rows: string[][] = [];
  let takeaway: string | null = null;
  for (const s of series) {
    const where = s === '' ? {} : { [others[0].path]: s };
    const one = pointWhere(results, { ...where, [depth.path]: depths[0] });
    if (!one || depths[0] !== 1) continue;
    const q = one.cold.share.value;
    const n = coldCalls(one);
    const who = s === '' ? '' : ` on ${s}`;
    if (q === null || n < MIN_COLD_CALLS) {
      sentences.push(
        `At depth 1${who} only ${formatCount(n)} of ${formatCount(one.endToEnd.count)} requests met a cold start: too few to predict the deeper chains from (at least ${MIN_COLD_CALLS} are needed).`,
      );
      continue;
    }
    let deepest: { d: number; measured: number; predicted: number } | null = null;
    for (const d of depths) {
      const pt = pointWhere(results, { ...where, [depth.path]: d });
      const measured = pt?.cold.share.value ?? null;
      if (!pt || measured === null) continue;
      const predicted = 1 - (1 - q) ** d;
      rows.push([
        `${s ? `${s}, ` : ''}depth ${d}`,
        formatCount(coldCalls(pt)),
        formatShare(measured),
        formatShare(predicted),
        formatShare(q),
      ]);
      deepest = { d, measured, predicted };
    }
    sentences.push(
      `At depth 1${who}, ${formatShare(q)} of requests met a cold start (${formatCount(n)} of ${formatCount(one.endToEnd.count)}).`,
    );
    if (deepest && deepest.d > 1) {
      const { d, measured, predicted } = deepest;
      sentences.push(
        `Links cold independently would give 1 - (1 - q)^${d} = ${formatShare(predicted)} at depth ${d}; the run measured ${formatShare(measured)}.`,
      );
      if (measured < predicted * 0.9 && measured > q * 1.1) {
        sentences.push(
          `The measured share lies between q (${formatShare(q)}, links always cold together) and the independent ${formatShare(predicted)}: the quiet gap that lets one link's instance go often lets the others' go too.`,
        );
        takeaway = `Cold starts compound along a chain: at depth ${d} ${formatShare(measured)} of requests meet one, ${formatRatio(measured / q)} the share of a single function, though less than independent links would give.`;
      } else if (Math.abs(measured - predicted) <= predicted * 0.1) {
        takeaway = `Cold starts compound along a chain as independent links predict: ${formatShare(measured)} of requests meet one at depth ${d}.`;
      } else {
        takeaway = `At depth ${d}, ${formatShare(measured)} of requests meet a cold start, against ${formatShare(predicted)} for independent links.`;
      }
    }
  }
  return {
    sentences: sentences.slice(0, 5),
    takeaway,
    ...(rows.length > 0
      ? {
          table: {
            caption:
              'Share of requests with a cold start by depth, measured and predicted from depth 1',
            head: ['point', 'cold requests', 'measured', '1 - (1 - q)^d', 'q (depth 1)'],
            rows,
          },
        }
      : {}),
  };
}
