import { formatMs, formatPercent, textTable } from './format.ts';
import type { ExperimentResults } from './results.ts';
import { cutOffNote, unansweredNote, warmupNote } from './unanswered.ts';

/** The table `coldtail run` prints: one row per sweep point. */
export function resultsTable(results: ExperimentResults): string {
  const header = [
    'point',
    // Answered calls, not all: next to a throttled share of 99% a count headed "calls" read as
    // the calls that 99% was of.
    'completed',
    'p50',
    'p90',
    'p99',
    'p99.9',
    'max',
    'cold',
    'cold wait',
    'throttled',
    'timed out',
  ];
  // Calls given up by the caller, and calls cut off by the drain limit (or stuck), get a
  // column only when there are some.
  const gaveUp = results.points.some((p) => (p.calls.clientTimedOut ?? 0) > 0);
  if (gaveUp) header.push('gave up');
  const anyFailed = results.points.some((p) => (p.calls.failed ?? 0) > 0);
  if (anyFailed) header.push('failed');
  const anyCrashed = results.points.some((p) => (p.calls.crashed ?? 0) > 0);
  if (anyCrashed) header.push('crashed');
  const withCaller = results.points.some((p) => p.client !== undefined);
  if (withCaller) header.push('calls/request');
  const cutOff = results.points.some((p) => p.calls.inFlight > 0);
  if (cutOff) header.push('cut off');
  const rows = results.points.map((p) => {
    const e = p.endToEnd;
    const interval = (v: { value: number | null; low: number | null; high: number | null }) =>
      v.low !== null && v.high !== null && v.value !== null
        ? `${formatMs(v.value)} ±${formatMs((v.high - v.low) / 2).replace(' ', '')}`
        : formatMs(v.value);
    const clientTimedOut = p.calls.clientTimedOut ?? 0;
    const failed = p.calls.failed ?? 0;
    const crashed = p.calls.crashed ?? 0;
    const ended =
      p.calls.completed + p.calls.throttled + p.calls.timedOut + clientTimedOut + failed + crashed;
    const row = [
      p.label || results.experiment.name,
      String(p.calls.completed),
      interval(e.p50),
      formatMs(e.p90.value),
      interval(e.p99),
      formatMs(e.p999.value),
      formatMs(e.max),
      formatPercent(p.cold.share.value),
      // Older results lack it: '-' as for any value that does not exist.
      formatPercent(p.cold.waitedOnStart?.value ?? null),
      formatPercent(ended > 0 ? p.calls.throttled / ended : null),
      formatPercent(ended > 0 ? p.calls.timedOut / ended : null),
    ];
    if (gaveUp) row.push(formatPercent(ended > 0 ? clientTimedOut / ended : null));
    if (anyFailed) row.push(formatPercent(ended > 0 ? failed / ended : null));
    if (anyCrashed) row.push(formatPercent(ended > 0 ? crashed / ended : null));
    if (withCaller) row.push(p.client?.callsPerRequest?.toFixed(3) ?? '');
    if (cutOff) row.push(String(p.calls.inFlight));
    return row;
  });
  const title = `${results.experiment.title}\n(${results.replications} replication${results.replications === 1 ? '' : 's'} per point, seed ${results.seed}; ± is the 95% interval)`;
  const notes = [
    'completed: calls answered, whose latencies the percentiles are; throttled, timed out (and the ' +
      'other shares of calls that did not complete): shares of every call that ended.',
    'cold: calls served by an instance the moment it finished starting; cold wait: calls that ' +
      'waited while an instance started for them or for their queue (whichever instance served them).',
    cutOffNote(results) ?? '',
    warmupNote(results) ?? '',
    results.partial ? 'PARTIAL: the run was interrupted; only the points above are complete.' : '',
    unansweredNote(results) ?? '',
  ].filter((s) => s !== '');
  return `${title}\n\n${textTable(header, rows)}${notes.map((s) => `\n\n${s}`).join('')}`;
}
