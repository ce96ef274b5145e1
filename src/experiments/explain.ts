import { STAGES, type Stage } from '../platform/call.ts';
import { formatMs, formatPercent } from './format.ts';
import type { PointResult, StageBreakdown } from './results.ts';

const STAGE_WORDS: Record<Stage, string> = {
  internet: 'crossing the internet (both ways)',
  gateway: 'in the gateway (both ways)',
  network: 'on the cloud network (both ways)',
  frontEnd: "in the platform's front end (checking limits, routing the call to an instance)",
  queue: 'queued for an instance',
  coldStart: 'waiting for a cold start',
  execution: 'running function code',
};

/** With a caller: a request's time before the call that answered it was sent. */
const BEFORE_WORDS =
  'before the call that answered was sent (earlier attempts, backoffs, a hedge delay)';

/** A request's time that is in no stage: only a caller's requests have any (see Recorder). */
function beforeAnswer(b: StageBreakdown, withCaller: boolean): number {
  if (!withCaller) return 0;
  return Math.max(0, b.latency - STAGES.reduce((s, k) => s + b[k], 0));
}

function describe(b: StageBreakdown, label: string, withCaller: boolean): string[] {
  const before = beforeAnswer(b, withCaller);
  const total = STAGES.reduce((s, k) => s + b[k], 0) + before;
  // The breakdown is of the calls in the percentile's latency bin (about 9% wide), so
  // their mean latency is close to the percentile, not equal to it.
  const lines = [
    `At the ${label}, calls of about that latency (${formatMs(b.latency)} on average) spend:`,
  ];
  const parts: [number, string][] = STAGES.map((stage) => [b[stage], STAGE_WORDS[stage]]);
  if (before > 0) parts.push([before, BEFORE_WORDS]);
  parts.sort((x, y) => y[0] - x[0]);
  for (const [ms, words] of parts) {
    if (ms <= 0) continue;
    const share = total > 0 ? ms / total : 0;
    if (share < 0.005) continue;
    lines.push(`  ${formatMs(ms).padStart(9)}  ${formatPercent(share).padStart(6)}  ${words}`);
  }
  return lines;
}

/** Milliseconds per unit of formatMs's output. */
const UNIT_MS: Record<string, number> = { us: 1e-3, ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/**
 * A time as formatMs prints it, so that the difference of two printed times is the
 * difference printed: a reader who subtracts them finds the same number.
 */
function asPrinted(ms: number): number {
  const [digits, unit] = formatMs(ms).split(' ');
  const value = Number(digits) * (UNIT_MS[unit] ?? Number.NaN);
  // A unit this table does not know yet: the exact time, off by at most the rounding.
  return Number.isFinite(value) ? value : ms;
}

/**
 * Why calls near the p99 are slower than calls near the median, in the stage that grew
 * most. The breakdowns are averages over the calls in each percentile's bin, so the
 * difference named is between those averages, not between the percentiles printed above
 * (which the stages cannot be split by); null when there is no slower stage to name.
 */
function describeGap(p50: StageBreakdown, p99: StageBreakdown, withCaller: boolean): string | null {
  const extra: [number, string][] = STAGES.map((s) => [p99[s] - p50[s], STAGE_WORDS[s]]);
  if (withCaller) extra.push([beforeAnswer(p99, true) - beforeAnswer(p50, true), BEFORE_WORDS]);
  extra.sort((a, b) => b[0] - a[0]);
  const [grew, words] = extra[0];
  const gap = p99.latency - p50.latency;
  if (!(gap > 0) || !(grew > 0)) return null;
  const shown = asPrinted(p99.latency) - asPrinted(p50.latency);
  const head = `Calls near the p99 (${formatMs(p99.latency)} on average) took ${formatMs(shown)} longer than calls near the median (${formatMs(p50.latency)} on average)`;
  // One stage can grow by more than the whole difference when others shrink: a share past
  // what prints as 100.0% is told in words instead.
  if (grew / gap >= 1.0005) {
    return `${head}; time ${words} grew by ${formatMs(grew)}, more than the whole difference, as the rest took ${formatMs(grew - gap)} less.`;
  }
  return `${head}; of that difference, ${formatPercent(grew / gap)} is time ${words}.`;
}

/**
 * A plain-language account of where the time goes for one sweep point, at
 * the median and at the p99, with the run's own numbers (for teaching).
 */
export function explainPoint(point: PointResult, clientName: string): string {
  const out: string[] = [];
  const e = point.endToEnd;
  if (e.count === 0 || point.breakdown.p50 === null) {
    return `No call completed at ${point.label || 'this point'}: nothing to explain.`;
  }
  out.push(
    `${point.label ? `${point.label}: ` : ''}${e.count.toLocaleString('en-US')} call${e.count === 1 ? '' : 's'} from a ${clientName} client completed; the median is ${formatMs(e.p50.value)} and the p99 is ${formatMs(e.p99.value)}.`,
    '',
  );
  const withCaller = point.client !== undefined;
  out.push(...describe(point.breakdown.p50, 'median', withCaller));
  if (point.breakdown.p99) {
    out.push('', ...describe(point.breakdown.p99, 'p99', withCaller));
    const gap = describeGap(point.breakdown.p50, point.breakdown.p99, withCaller);
    if (gap !== null) out.push('', gap);
  }
  const c = point.client;
  if (c !== undefined && c.callsPerRequest !== null) {
    out.push(
      '',
      `The caller sent ${c.callsPerRequest.toFixed(2)} calls per request (${c.retries.toLocaleString('en-US')} retries, ${c.hedges.toLocaleString('en-US')} hedged copies); it gave up on ${formatPercent(c.timedOutShare ?? 0)} of requests and ${formatPercent(c.failedShare ?? 0)} failed.`,
    );
  }
  const share = point.cold.share.value;
  if (share !== null) {
    out.push(
      share > 0
        ? `${formatPercent(share)} of calls met at least one cold start, served by an instance as it finished starting (${point.cold.coldStarts.toLocaleString('en-US')} instance${point.cold.coldStarts === 1 ? '' : 's'} started while measuring).`
        : 'No call met a cold start while measuring.',
    );
  }
  const waited = point.cold.waitedOnStart?.value ?? null;
  if (waited !== null && share !== null && waited > share) {
    out.push(
      `${formatPercent(waited)} of calls waited while an instance started for them or for the queue they were in (cold wait): cold starts slowed them, though some were then served by an instance that freed first and count as queued in the stages.`,
    );
  }
  const throttled = point.calls.throttled;
  if (throttled > 0) {
    out.push(
      `${throttled.toLocaleString('en-US')} call${throttled === 1 ? ' was' : 's were'} throttled.`,
    );
  }
  return out.join('\n');
}
