import { PERCENTILES } from '../metrics/summary.ts';
import type { ExperimentResults, LatencyStats } from './results.ts';

/** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break (\n or \r). */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * results.csv: one row per sweep point, the axes' values, then the
 * end-to-end statistics with their 95% intervals, cold starts, outcomes and
 * cost. Empty cells where a value does not exist.
 */
export function resultsCsv(results: ExperimentResults): string {
  const axisCols = results.axes.map((a) => a.path);
  const statCols = ['count', 'mean', 'mean_low', 'mean_high'];
  for (const [key] of PERCENTILES) statCols.push(key, `${key}_low`, `${key}_high`);
  statCols.push('max');
  const header = [
    'point',
    ...axisCols,
    ...statCols,
    'cold_share',
    'cold_starts',
    'served_fresh_share',
    'waited_on_start_share',
    'arrivals',
    'completed',
    'throttled',
    'timed_out',
    'client_timed_out',
    'in_flight',
    'usd_per_million_roots',
  ];
  const rows = results.points.map((p) => {
    const e: LatencyStats = p.endToEnd;
    const stats: unknown[] = [e.count, e.mean.value, e.mean.low, e.mean.high];
    for (const [key] of PERCENTILES) stats.push(e[key].value, e[key].low, e[key].high);
    stats.push(e.max);
    return [
      p.index,
      ...axisCols.map((c) => p.params[c]),
      ...stats,
      p.cold.share.value,
      p.cold.coldStarts,
      p.cold.servedFresh?.value,
      p.cold.waitedOnStart?.value,
      p.calls.arrivals,
      p.calls.completed,
      p.calls.throttled,
      p.calls.timedOut,
      p.calls.clientTimedOut,
      p.calls.inFlight,
      p.cost.usdPerMillionRoots,
    ]
      .map(cell)
      .join(',');
  });
  // The axes are paths from the experiment file: functions["a,b"].memoryMB needs quoting too.
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
}
