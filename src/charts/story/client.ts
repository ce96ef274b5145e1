/**
 * The client's side of the tail: what hedging buys in tail latency against the calls it adds,
 * and what retries do to a throttled burst. Every number is read from the run; a run whose
 * sweep lacks the axis the section reads says nothing rather than guess.
 */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { unansweredShare, unansweredWord } from '../clientTrade.ts';
import { formatMs, formatShare, formatUsd } from '../format.ts';
import { HEDGED_SLOW_MS } from '../narrative/fanOut.ts';
import { slowerThan, stat } from './points.ts';
import type { StoryText } from './text.ts';

const EMPTY: StoryText = { sentences: [], takeaway: null };
const HEDGE_AXIS = 'caller.hedge.after';
const EDGE_HEDGE_AXIS = 'graph.fanOut.caller.hedge.after';
/** A request "slow" in the fan-out section: the threshold the section's narrative uses too. */
const SLOW_MS = HEDGED_SLOW_MS;
const ATTEMPTS_AXIS = 'caller.retry.attempts';
const JITTER_AXIS = 'caller.retry.backoff.jitter';

/** A hedge delay as the sweep gives it (ms or "50ms"), in words. */
function delayWords(p: PointResult): string {
  const v = p.params[HEDGE_AXIS];
  return typeof v === 'number' ? formatMs(v) : String(v);
}

const extra = (calls: number) => formatShare(calls - 1);

export function hedgingText(results: ExperimentResults): StoryText {
  if (!results.axes.some((a) => a.path === HEDGE_AXIS)) return EMPTY;
  const points = results.points.filter(
    (p) => p.client?.callsPerRequest != null && stat(p, 'p999') !== null,
  );
  if (points.length < 2) return EMPTY;
  // The baseline: the point that sent the fewest copies (a delay longer than any call).
  const base = points.reduce((a, b) => (b.client!.hedges < a.client!.hedges ? b : a));
  const calls = (p: PointResult) => p.client!.callsPerRequest!;
  // The best trade: the shortest p99.9 for at most 10% more calls; and the most calls.
  const cheap = points.filter((p) => p !== base && calls(p) <= 1.1);
  const best =
    cheap.length > 0 ? cheap.reduce((a, b) => (stat(b, 'p999')! < stat(a, 'p999')! ? b : a)) : null;
  const most = points.reduce((a, b) => (calls(b) > calls(a) ? b : a));
  const sentences: string[] = [
    `With ${base.client!.hedges === 0 ? 'no copy sent' : `${extra(calls(base))} more calls`} (a delay of ${delayWords(base)}), the p99 is ${formatMs(stat(base, 'p99'))} and the p99.9 ${formatMs(stat(base, 'p999'))}: the slow calls are the tail.`,
  ];
  if (best !== null) {
    sentences.push(
      `A copy after ${delayWords(best)} goes out for the ${extra(calls(best))} of requests still unanswered then; the first answer wins, and the p99 falls to ${formatMs(stat(best, 'p99'))} and the p99.9 to ${formatMs(stat(best, 'p999'))}.`,
    );
  }
  if (most !== best && most !== base) {
    sentences.push(
      `Hedging after ${delayWords(most)} sends ${extra(calls(most))} more calls for a p99.9 of ${formatMs(stat(most, 'p999'))}${calls(most) > 1.9 ? ': nearly every request is sent twice' : ''}.`,
    );
  }
  const costOf = (p: PointResult) => p.client!.extraUsdPerMillionRoots;
  const perMillion = (p: PointResult) => p.cost.usdPerMillionRoots;
  if (best !== null && costOf(best) !== null && perMillion(base) !== null) {
    sentences.push(
      `Each copy is a real call, billed, and the loser runs on: the copies cost ${formatUsd(costOf(best))} per million requests at ${delayWords(best)}, on a bill of ${formatUsd(perMillion(base))} without them${most !== best && costOf(most) !== null ? `, and ${formatUsd(costOf(most))} at ${delayWords(most)}` : ''}.`,
    );
  }
  const rows = [...points]
    .sort((a, b) => calls(a) - calls(b))
    .map((p) => [
      delayWords(p),
      calls(p).toFixed(3),
      formatMs(stat(p, 'p99')),
      formatMs(stat(p, 'p999')),
      formatUsd(costOf(p)),
    ]);
  const takeaway =
    best !== null && stat(best, 'p999')! < stat(base, 'p999')! / 2
      ? `A second copy after ${delayWords(best)} cuts the p99.9 from ${formatMs(stat(base, 'p999'))} to ${formatMs(stat(best, 'p999'))} for ${extra(calls(best))} more calls: the trade Dean and Barroso describe, on a serverless function.`
      : null;
  return {
    sentences: sentences.slice(0, 5),
    takeaway,
    table: {
      caption: 'Hedge delay, calls per request and the tail (copies left to run)',
      head: ['hedge after', 'calls per request', 'p99', 'p99.9', 'copies per million requests'],
      rows,
    },
  };
}

export function retryStormText(results: ExperimentResults): StoryText {
  if (!results.axes.some((a) => a.path === ATTEMPTS_AXIS)) return EMPTY;
  const points = results.points.filter((p) => p.client?.callsPerRequest != null);
  const attempts = (p: PointResult) => Number(p.params[ATTEMPTS_AXIS]);
  const jitterOf = (p: PointResult) => String(p.params[JITTER_AXIS] ?? '');
  const series = [...new Set(points.map(jitterOf))];
  const sentences: string[] = [];
  const rows: string[][] = [];
  let takeaway: string | null = null;
  // The table's word for requests that never got an answer: the sentences' ("refused" or not).
  let word = 'refused';
  for (const jitter of series) {
    const mine = points
      .filter((p) => jitterOf(p) === jitter)
      .sort((a, b) => attempts(a) - attempts(b));
    if (mine.length < 2) continue;
    const first = mine[0];
    const last = mine[mine.length - 1];
    const how =
      jitter === '' ? '' : jitter === 'none' ? ' without jitter' : ` and ${jitter} jitter`;
    const who = jitter === '' ? '' : jitter === 'none' ? ' (no jitter)' : ` (${jitter} jitter)`;
    for (const p of mine) {
      rows.push([
        String(attempts(p)),
        jitter || '-',
        p.client!.callsPerRequest!.toFixed(2),
        formatShare(unansweredShare(p)),
        formatMs(stat(p, 'p50')),
        formatMs(stat(p, 'p99')),
      ]);
    }
    // "Refused" only where every unanswered request was throttled, as the chart says it.
    const gone = mine.every((p) => unansweredWord(p) === 'refused') ? 'refused' : 'unanswered';
    if (gone === 'unanswered') word = 'unanswered';
    sentences.push(
      `With ${attempts(first)} attempt${attempts(first) === 1 ? '' : 's'}, ${formatShare(unansweredShare(first))} of requests are ${gone} in the end; with ${attempts(last)} attempts${how}, each request sends ${last.client!.callsPerRequest!.toFixed(2)} calls on average into the platform at its limit, and ${formatShare(unansweredShare(last))} are still ${gone}.`,
    );
    sentences.push(
      `The requests that get through${who} wait their backoffs: the p99 goes from ${formatMs(stat(first, 'p99'))} to ${formatMs(stat(last, 'p99'))}.`,
    );
    if (takeaway === null) {
      takeaway = `Retries into a throttled burst multiply the calls (${last.client!.callsPerRequest!.toFixed(1)} per request at ${attempts(last)} attempts${how}) and the waits, and save ${formatShare(Math.max(0, (unansweredShare(first) ?? 0) - (unansweredShare(last) ?? 0)))} of the requests from ${gone === 'refused' ? 'being refused' : 'going unanswered'}.`;
    }
  }
  if (sentences.length === 0) return EMPTY;
  return {
    sentences: sentences.slice(0, 5),
    takeaway,
    table: {
      caption: `Attempts, calls per request, requests ${word} in the end, and latency`,
      head: ['attempts', 'jitter', 'calls per request', word, 'p50', 'p99'],
      rows,
    },
  };
}

/**
 * Calls of every function per root request: the invocations a replication billed (root and
 * leaves, hedged copies included) over the roots that arrived; null without arrivals.
 */
export function callsPerRoot(p: PointResult, replications: number): number | null {
  return p.calls.arrivals > 0 ? (p.cost.requests * replications) / p.calls.arrivals : null;
}

/**
 * Hedging inside a fan-out (each leaf call hedged by the root, `graph.fanOut.caller.hedge`):
 * what it does to the median, the p99 and the p99.9 of the whole request, against the leaf
 * calls it adds. Read from a sweep of the edge's hedge delay; says nothing without one.
 */
export function hedgedFanOutText(results: ExperimentResults): StoryText {
  if (!results.axes.some((a) => a.path === EDGE_HEDGE_AXIS)) return EMPTY;
  const reps = results.replications;
  const points = results.points.filter(
    (p) => callsPerRoot(p, reps) !== null && stat(p, 'p999') !== null,
  );
  if (points.length < 2) return EMPTY;
  const delay = (p: PointResult) => Number(p.params[EDGE_HEDGE_AXIS]);
  const words = (p: PointResult) => formatMs(delay(p));
  const calls = (p: PointResult) => callsPerRoot(p, reps)!;
  // The baseline: the longest delay (a copy practically never sent).
  const base = points.reduce((a, b) => (delay(b) > delay(a) ? b : a));
  const more = (p: PointResult) => calls(p) / calls(base) - 1;
  // The best trade: the lowest p99 for at most 10% more calls.
  const cheap = points.filter((p) => p !== base && more(p) <= 0.1);
  const best =
    cheap.length > 0 ? cheap.reduce((a, b) => (stat(b, 'p99')! < stat(a, 'p99')! ? b : a)) : null;
  const slow = (p: PointResult) => slowerThan(p, SLOW_MS);
  const sentences: string[] = [
    `Without a copy (a delay of ${words(base)}), a request waits for the slowest of its leaf calls: ${formatShare(slow(base))} of requests take over ${formatMs(SLOW_MS)}, the median is ${formatMs(stat(base, 'p50'))}, the p99 ${formatMs(stat(base, 'p99'))} and the p99.9 ${formatMs(stat(base, 'p999'))}.`,
  ];
  if (best !== null) {
    sentences.push(
      `Hedging each leaf call after ${words(best)} sends ${formatShare(more(best))} more calls (${calls(best).toFixed(1)} per request, against ${calls(base).toFixed(1)}); a slow leaf is answered by its copy, and the median falls to ${formatMs(stat(best, 'p50'))}, the p99 to ${formatMs(stat(best, 'p99'))}.`,
    );
    sentences.push(
      `The p99.9 moves less, from ${formatMs(stat(base, 'p999'))} to ${formatMs(stat(best, 'p999'))}: a copy can be slow too, and a request of many leaves still waits whenever one leaf call and its copy are both slow (${formatShare(slow(best))} of requests over ${formatMs(SLOW_MS)}, against ${formatShare(slow(base))}).`,
    );
    const usd = (p: PointResult) => p.cost.usdPerMillionRoots;
    if (usd(best) !== null && usd(base) !== null) {
      sentences.push(
        `The copies are real calls, billed, and the losers run on: ${formatUsd(usd(best))} per million requests at ${words(best)}, against ${formatUsd(usd(base))} without copies.`,
      );
    }
  }
  const rows = [...points]
    .sort((a, b) => delay(b) - delay(a))
    .map((p) => [
      words(p),
      calls(p).toFixed(1),
      formatShare(more(p)),
      formatMs(stat(p, 'p50')),
      formatMs(stat(p, 'p99')),
      formatMs(stat(p, 'p999')),
    ]);
  const takeaway =
    best !== null && stat(best, 'p99')! < stat(base, 'p99')! / 2
      ? `In a fan-out, hedging each call after ${words(best)} cuts the p99 from ${formatMs(stat(base, 'p99'))} to ${formatMs(stat(best, 'p99'))} for ${formatShare(more(best))} more calls; the p99.9 (${formatMs(stat(best, 'p999'))}) is where a call and its copy are both slow.`
      : null;
  return {
    sentences,
    takeaway,
    table: {
      caption: 'Hedge delay on each leaf call, calls per request and the tail (copies left to run)',
      head: ['hedge after', 'calls per request', 'more calls', 'p50', 'p99', 'p99.9'],
      rows,
    },
  };
}
