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

function describe(b: StageBreakdown, label: string): string[] {
  const total = STAGES.reduce((s, k) => s + b[k], 0);
  // The breakdown is of the calls in the percentile's latency bin (about 9% wide), so
  // their mean latency is close to the percentile, not equal to it.
  const lines = [
    `At the ${label}, calls of about that latency (${formatMs(b.latency)} on average) spend:`,
  ];
  const order = [...STAGES].sort((x, y) => b[y] - b[x]);
  for (const stage of order) {
    if (b[stage] <= 0) continue;
    const share = total > 0 ? b[stage] / total : 0;
    if (share < 0.005) continue;
    lines.push(
      `  ${formatMs(b[stage]).padStart(9)}  ${formatPercent(share).padStart(6)}  ${STAGE_WORDS[stage]}`,
    );
  }
  return lines;
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
  out.push(...describe(point.breakdown.p50, 'median'));
  if (point.breakdown.p99) {
    out.push('', ...describe(point.breakdown.p99, 'p99'));
    const extra = STAGES.map(
      (s) => [s, point.breakdown.p99![s] - point.breakdown.p50![s]] as const,
    ).sort((a, b) => b[1] - a[1]);
    const gap = point.breakdown.p99.latency - point.breakdown.p50.latency;
    if (gap > 0 && extra[0][1] > 0) {
      out.push(
        '',
        `The p99 is ${formatMs(gap)} slower than the median; ${formatPercent(Math.min(1, extra[0][1] / gap))} of that difference is time ${STAGE_WORDS[extra[0][0]]}.`,
      );
    }
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
