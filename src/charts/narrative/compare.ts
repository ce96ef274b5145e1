/**
 * Sentences that compare points side by side (platforms, clients): the
 * fastest and slowest p99, the points without answers, and the latency
 * budgets each p99 fits.
 */
import type { CallCounts, ExperimentResults } from '../../experiments/results.ts';
import { unansweredNote } from '../../experiments/unanswered.ts';
import { displayName } from '../axes.ts';
import { budgetsMet, LATENCY_BUDGETS } from '../budgets.ts';
import { formatMs, formatRatio, formatShare } from '../format.ts';
import { listOf, trend } from './words.ts';

export function compareSentences(results: ExperimentResults): string[] {
  const out: string[] = [];
  const measured = results.points
    .map((p) => ({ name: displayName(results, p), p99: p.endToEnd.p99.value }))
    .filter((r): r is { name: string; p99: number } => r.p99 !== null && r.p99 > 0)
    .sort((a, b) => a.p99 - b.p99);
  if (measured.length >= 2)
    out.push(spreadSentence(measured, measured.length < results.points.length));
  const silent = results.points.filter((p) => p.endToEnd.count === 0);
  for (const p of silent)
    out.push(`${displayName(results, p)} completed no calls: ${whyNoCalls(p.calls)}.`);
  const unanswered = unansweredNote(results);
  if (unanswered !== null) out.push(unanswered);
  // A single run has no name to give: its sentence says "The p99".
  const named = results.axes.length === 0 ? measured.map((m) => ({ ...m, name: '' })) : measured;
  out.push(...budgetSentences(named));
  return out;
}

/**
 * The lowest and the highest p99, from points sorted by it; or, when they
 * differ by less than the sweep sentences call a change (5%), that they are
 * about the same: "204 s, the highest 204 s, 1x as long" says nothing.
 */
function spreadSentence(
  sorted: readonly { name: string; p99: number }[],
  someSilent: boolean,
): string {
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (trend(lo.p99, hi.p99).startsWith('stays')) {
    // The points without calls have no p99 to be the same as.
    const where = someSilent ? 'at every point that completed calls' : 'at every point';
    const value =
      formatMs(lo.p99) === formatMs(hi.p99)
        ? formatMs(lo.p99)
        : `from ${formatMs(lo.p99)} (${lo.name}) to ${formatMs(hi.p99)} (${hi.name})`;
    return `The p99 is about the same ${where}: ${value}.`;
  }
  return (
    `The lowest p99 is that of ${lo.name} (${formatMs(lo.p99)}), the highest that of ${hi.name} ` +
    `(${formatMs(hi.p99)}), ${formatRatio(hi.p99 / lo.p99)} as long.`
  );
}

function whyNoCalls(c: CallCounts): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (c.arrivals === 0) return 'no calls arrived';
  if (c.throttled === c.arrivals) return `all ${n(c.arrivals)} calls were throttled`;
  const were = (x: number) => `${n(x)} ${x === 1 ? 'was' : 'were'}`;
  const parts = [
    c.throttled > 0 ? `${were(c.throttled)} throttled` : '',
    c.timedOut > 0 ? `${n(c.timedOut)} timed out` : '',
    c.inFlight > 0 ? `${were(c.inFlight)} unanswered when the run ended` : '',
  ].filter((s) => s !== '');
  return `of ${n(c.arrivals)} calls, ${listOf(parts)}`;
}

/** Which use-case budgets each p99 fits, tightest first; at most six points, to stay short. */
function budgetSentences(measured: readonly { name: string; p99: number }[]): string[] {
  if (measured.length === 0 || measured.length > 6) return [];
  return measured.map(({ name, p99 }) => {
    const subject =
      name === '' ? `The p99 (${formatMs(p99)})` : `The p99 of ${name} (${formatMs(p99)})`;
    const met = budgetsMet(p99);
    if (met.length === 0)
      return `${subject} is over every budget listed, even "keeps attention" (10 s).`;
    const tightest = met[0];
    const same = met.filter((b) => b.ms === tightest.ms).map((b) => `"${b.useCase}"`);
    const missed = LATENCY_BUDGETS.filter((b) => b.ms < tightest.ms).sort((a, b) => b.ms - a.ms)[0];
    const but = missed ? `, not "${missed.useCase}" (${formatMs(missed.ms)})` : '';
    return `${subject} fits ${listOf(same)} (${formatMs(tightest.ms)})${but}.`;
  });
}

/** The point with the largest share of throttled calls, if any call was throttled. */
export function throttleSentence(results: ExperimentResults): string | null {
  let worst: { name: string; share: number; n: number } | null = null;
  for (const p of results.points) {
    if (p.calls.arrivals === 0 || p.calls.throttled === 0) continue;
    const share = p.calls.throttled / p.calls.arrivals;
    if (!worst || share > worst.share) {
      worst = { name: displayName(results, p), share, n: p.calls.throttled };
    }
  }
  if (!worst) return null;
  const n = worst.n.toLocaleString('en-US');
  if (results.points.length === 1)
    return `${formatShare(worst.share)} of calls were throttled (${n} calls).`;
  return `Up to ${formatShare(worst.share)} of calls were throttled (${n} calls at ${worst.name}).`;
}
