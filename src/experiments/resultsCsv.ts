import { PERCENTILES } from '../metrics/summary.ts';
import type { ExperimentResults, LatencyStats, PointResult } from './results.ts';

/** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break (\n or \r). */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const CLIENT_COLUMNS = [
  'client_timed_out',
  'failed',
  'requests',
  'attempts_per_request',
  'calls_per_request',
  'retries',
  'hedges',
  'cancelled',
  'extra_usd_per_million_roots',
  'extra_billed_share',
];

function clientCells(p: PointResult): unknown[] {
  const c = p.client;
  if (c === undefined) return CLIENT_COLUMNS.map(() => null);
  return [
    p.calls.clientTimedOut,
    p.calls.failed,
    c.requests,
    c.attemptsPerRequest,
    c.callsPerRequest,
    c.retries,
    c.hedges,
    c.cancelled,
    c.extraUsdPerMillionRoots,
    c.extraBilledShare,
  ];
}

const FAILURE_COLUMNS = ['crashed', 'instance_crashes', 'host_failures', 'crashed_share'];

function failureCells(p: PointResult): unknown[] {
  const f = p.failures;
  if (f === undefined) return FAILURE_COLUMNS.map(() => null);
  return [p.calls.crashed, f.instanceCrashes, f.hostFailures, f.crashedShare];
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
    'in_flight',
    'usd_per_million_roots',
    'idle_gb_seconds',
  ];
  // A caller's columns come last, and only when a point has a caller's policy: files of
  // experiments without one keep their columns.
  const withCaller = results.points.some((p) => p.client !== undefined);
  if (withCaller) header.push(...CLIENT_COLUMNS);
  // Crashes likewise: only where instances can crash (a function's crashes, failing hosts).
  const withFailures = results.points.some((p) => p.failures !== undefined);
  if (withFailures) header.push(...FAILURE_COLUMNS);
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
      p.calls.inFlight,
      p.cost.usdPerMillionRoots,
      p.cost.idleGbSeconds,
      ...(withCaller ? clientCells(p) : []),
      ...(withFailures ? failureCells(p) : []),
    ]
      .map(cell)
      .join(',');
  });
  // The axes are paths from the experiment file: functions["a,b"].memoryMB needs quoting too.
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
}
