/**
 * Sentences about a numeric sweep: how the median and the tail move from one
 * end to the other, and why the tail is where it is at the far end.
 */
import type { ExperimentResults, PointResult, StageBreakdown } from '../../experiments/results.ts';
import type { Stage } from '../../platform/call.ts';
import type { Axis } from '../axes.ts';
import { formatMs, formatRatio, formatShare } from '../format.ts';
import { STAGE_LABEL, STAGE_ORDER } from '../stages.ts';
import { atWords, rangeWords } from '../words.ts';
import { groupsAlong, type SweepGroup, valueText, where } from './groups.ts';
import { capitalize, listOf, ratioNote, trend } from './words.ts';

export function sweepSentences(results: ExperimentResults, axis: Axis): string[] {
  const out: string[] = [];
  for (const group of groupsAlong(results, axis)) {
    const trendText = trendSentence(group, axis);
    if (trendText) out.push(trendText);
    const last = [...group.points].reverse().find((r) => r.point.endToEnd.count > 0);
    if (last) {
      const tail = tailSentence(last.point, where(group, axis, last.x));
      if (tail) out.push(tail);
    }
  }
  const chain = chainSentence(results, axis);
  if (chain) out.push(chain);
  return out;
}

/** "From depth 1 to 8 the p50 grows from 48 ms to 182 ms (3.8x) and the p99 from ..." */
function trendSentence(group: SweepGroup, axis: Axis): string | null {
  const measured = group.points.filter((r) => r.point.endToEnd.count > 0);
  if (measured.length < 2) return null;
  const first = measured[0];
  const last = measured[measured.length - 1];
  const parts: string[] = [];
  for (const key of ['p50', 'p99'] as const) {
    const a = first.point.endToEnd[key].value;
    const b = last.point.endToEnd[key].value;
    if (a === null || b === null) continue;
    const move = trend(a, b);
    parts.push(
      move.startsWith('stays')
        ? `the ${key} ${move} (${formatMs(a)} and ${formatMs(b)})`
        : `the ${key} ${move} from ${formatMs(a)} to ${formatMs(b)}${ratioNote(a, b)}`,
    );
  }
  if (parts.length === 0) return null;
  const range = rangeWords(axis, valueText(axis, first.x), valueText(axis, last.x));
  const from = group.series === '' ? capitalize(range) : `For ${group.series}, ${range}`;
  return `${from} ${parts.join(' and ')}.`;
}

/**
 * "At depth 8 the p99 (601 ms) is 3.3x the p50 (182 ms) ..." and, only when
 * the numbers show it, why: more calls met a cold start than the 1% beyond
 * the p99, and cold starts are the largest part of the time of calls near it.
 */
export function tailSentence(point: PointResult, at: string): string | null {
  const p50 = point.endToEnd.p50.value;
  const p99 = point.endToEnd.p99.value;
  if (p50 === null || p99 === null || !(p50 > 0)) return null;
  let s = `${capitalize(at)} the p99 (${formatMs(p99)}) is ${formatRatio(p99 / p50)} the p50 (${formatMs(p50)})`;
  const cold = point.cold.share.value;
  const b = point.breakdown.p99;
  const largest = b === null ? null : [...STAGE_ORDER].sort((x, y) => b[y] - b[x])[0];
  if (cold !== null && cold >= 0.01 && b !== null && largest === 'coldStart' && b.coldStart > 0) {
    s += ` because ${formatShare(cold)} of requests met at least one cold start, more than the 1% beyond the p99`;
    s += `: cold starts take ${formatMs(b.coldStart)} of the ${formatMs(b.latency)} of calls near the p99`;
  } else if (b !== null && largest !== null && b[largest] > 0) {
    s += `; ${whereTimeGoes(b, largest, point)}`;
    if (cold !== null) s += `, and ${coldText(cold)}`;
  } else if (cold !== null) {
    s += `; ${coldText(cold)}`;
  }
  return `${s}.`;
}

/** Time outside the stages below this share of the latency is the breakdown's rounding, not a part. */
const UNNAMED_NOISE = 0.05;

/**
 * Where calls near the p99 spend their time. "Most" only for a part over
 * half of it: with a caller, the largest stage can be 112 ms of 13 s, the
 * rest spent before the call that answered was sent (earlier attempts and
 * their backoffs), which is in no stage.
 */
function whereTimeGoes(b: StageBreakdown, largest: Stage, point: PointResult): string {
  const stage = `${STAGE_LABEL[largest]} (${formatMs(b[largest])} of ${formatMs(b.latency)})`;
  if (b[largest] > b.latency / 2) return `calls near the p99 spend most time in ${stage}`;
  const unnamed = b.latency - STAGE_ORDER.reduce((sum, k) => sum + b[k], 0);
  if (unnamed < UNNAMED_NOISE * b.latency)
    return `calls near the p99 spend the largest share of their time in ${stage}`;
  const before = beforeAnswerWords(point);
  if (before === null)
    return `of what the stages show of calls near the p99, the largest share is ${stage}`;
  const sent = 'before the call that answered was sent';
  if (unnamed > b.latency / 2)
    return `calls near the p99 spend most time ${sent} (${formatMs(unnamed)} of ${formatMs(b.latency)}: ${before}); their largest named stage is ${STAGE_LABEL[largest]} (${formatMs(b[largest])})`;
  return `the largest named stage of calls near the p99 is ${stage}, and they spend ${formatMs(unnamed)} ${sent} (${before})`;
}

/**
 * What a caller's request did before the call that answered it was sent:
 * the only time of a request in no stage. Null without a caller, or when
 * its counts show neither retries nor hedges.
 */
function beforeAnswerWords(point: PointResult): string | null {
  const c = point.client;
  if (c === undefined) return null;
  const parts = [
    c.retries > 0 ? 'earlier attempts and their backoffs' : '',
    c.hedges > 0 ? 'the hedge delay, when a copy answered' : '',
  ].filter((w) => w !== '');
  return parts.length === 0 ? null : listOf(parts);
}

const CHAIN_AXIS = /depth|chain|hops/i;

/**
 * For a chain-depth sweep: the closed form 1 - (1 - q)^d from the depth-1
 * cold share q, against what the run measured at the deepest point.
 */
function chainSentence(results: ExperimentResults, axis: Axis): string | null {
  if (!CHAIN_AXIS.test(`${axis.path} ${axis.name}`)) return null;
  const out: string[] = [];
  for (const group of groupsAlong(results, axis)) {
    const one = group.points.find((r) => r.x === 1);
    const deepest = group.points[group.points.length - 1];
    const q = one?.point.cold.share.value ?? null;
    const measured = deepest?.point.cold.share.value ?? null;
    if (!one || !deepest || deepest.x <= 1 || q === null || measured === null || q <= 0) continue;
    const predicted = 1 - (1 - q) ** deepest.x;
    const who = group.series === '' ? '' : ` on ${group.series}`;
    out.push(
      `Independent hops each cold with probability ${formatShare(q)} (the share ${atWords(axis, '1')}${who}) ` +
        `predict ${formatShare(predicted)} of requests with a cold start ${atWords(axis, String(deepest.x))}; ` +
        `the run measured ${formatShare(measured)}.`,
    );
  }
  return out.length > 0 ? out.join(' ') : null;
}

function coldText(share: number): string {
  return share === 0
    ? 'no request met a cold start'
    : `${formatShare(share)} of requests met at least one cold start`;
}
