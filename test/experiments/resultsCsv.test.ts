/**
 * results.csv: one row per point whose cells are the results' own values (numbers that read
 * back exactly, empty cells for nulls), escaped as RFC 4180 says, so that any CSV reader gets
 * the same table back.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { resultsCsv } from '../../src/experiments/resultsCsv.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { PERCENTILES } from '../../src/metrics/summary.ts';
import { prepare } from './experimentHelpers.ts';

/** An RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i++;
  }
  expect(quoted, 'an unterminated quoted cell').toBe(false);
  expect(cell === '' && row.length === 0, 'the file ends with a line break').toBe(true);
  return rows;
}

// Two points, one replication each: intervals are null, the rest are numbers.
const results = runExperiment(
  prepare({
    duration: '20s',
    replications: 1,
    workload: { poisson: { perSecond: 5 } },
    sweep: { 'workload.poisson.perSecond': [2, 8] },
  }),
).results;

/** The cell a value must become: its JavaScript text, or empty for null. */
const text = (v: string | number | boolean | null) => (v === null ? '' : String(v));

describe('results.csv', () => {
  it('holds each point’s own values, nulls as empty cells, numbers that read back exactly', () => {
    const [header, ...rows] = parseCsv(resultsCsv(results));
    expect(rows).toHaveLength(results.points.length);
    results.points.forEach((p, i) => {
      const row = Object.fromEntries(header.map((h, k) => [h, rows[i][k]]));
      expect(rows[i]).toHaveLength(header.length);
      expect(row.point).toBe(String(p.index));
      expect(row['workload.poisson.perSecond']).toBe(
        String(p.params['workload.poisson.perSecond']),
      );
      const e = p.endToEnd;
      expect(row.count).toBe(String(e.count));
      for (const [key] of [['mean'], ...PERCENTILES] as [keyof typeof e][]) {
        const est = e[key] as { value: number | null; low: number | null; high: number | null };
        expect(row[key], key).toBe(text(est.value));
        expect(Number(row[key])).toBe(est.value);
        // One replication: no interval, an empty cell rather than "null" or "NaN".
        expect(row[`${key}_low`], key).toBe('');
        expect(row[`${key}_high`], key).toBe('');
      }
      expect(row.max).toBe(text(e.max));
      expect(row.cold_share).toBe(text(p.cold.share.value));
      expect(row.cold_starts).toBe(String(p.cold.coldStarts));
      expect(row.arrivals).toBe(String(p.calls.arrivals));
      expect(row.completed).toBe(String(p.calls.completed));
      expect(row.throttled).toBe(String(p.calls.throttled));
      expect(row.timed_out).toBe(String(p.calls.timedOut));
      expect(row.in_flight).toBe(String(p.calls.inFlight));
      expect(row.usd_per_million_roots).toBe(text(p.cost.usdPerMillionRoots));
    });
  });

  it('writes an empty cell for every value a point without calls lacks', () => {
    const empty: ExperimentResults = structuredClone(results);
    const p = empty.points[0];
    for (const key of ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'] as const) {
      p.endToEnd[key] = { value: null, low: null, high: null };
    }
    p.endToEnd.max = null;
    p.cold.share = { value: null, low: null, high: null };
    p.cost.usdPerMillionRoots = null;
    const [header, row] = parseCsv(resultsCsv(empty));
    const cell = (h: string) => row[header.indexOf(h)];
    for (const h of ['mean', 'p50', 'p999_high', 'max', 'cold_share', 'usd_per_million_roots']) {
      expect(cell(h), h).toBe('');
    }
    expect(resultsCsv(empty)).not.toMatch(/null|NaN|undefined/);
  });

  it('escapes commas, quotes and line breaks, in values and in the axes of the header', () => {
    const odd: ExperimentResults = structuredClone(results);
    const path = 'functions["a, \\"b\\""].memoryMB';
    odd.axes = [{ path, name: 'memoryMB', values: ['x'] }];
    const values = ['plain', 'a, b', 'say "hi"', 'two\nlines', 'carriage\rreturn'];
    odd.points = values.map((v, i) => ({
      ...structuredClone(results.points[0]),
      index: i,
      params: { [path]: v },
    }));
    const csv = resultsCsv(odd);
    // A lone carriage return ends a line for many readers: quoted like a line feed.
    expect(csv).toContain('"carriage\rreturn"');
    const [header, ...rows] = parseCsv(csv);
    expect(header[1]).toBe(path);
    expect(header.length).toBe(rows[0].length);
    expect(rows.map((r) => r[1])).toEqual(values);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it("has crash columns, with each point's counts, only where instances can crash", () => {
    const crashing = runExperiment(
      prepare({
        duration: '20s',
        replications: 1,
        workload: { poisson: { perSecond: 20 } },
        function: { crashProbability: 0.1 },
      }),
    ).results;
    const [header, row] = parseCsv(resultsCsv(crashing));
    const cell = (h: string) => row[header.indexOf(h)];
    const p = crashing.points[0];
    expect(p.failures).toBeDefined();
    expect(p.calls.crashed).toBeGreaterThan(0);
    expect(cell('crashed')).toBe(String(p.calls.crashed));
    expect(cell('instance_crashes')).toBe(String(p.failures?.instanceCrashes));
    expect(cell('host_failures')).toBe(String(p.failures?.hostFailures));
    expect(cell('crashed_share')).toBe(text(p.failures?.crashedShare ?? null));
    // Results without crashes keep the columns they had.
    expect(parseCsv(resultsCsv(results))[0]).not.toContain('crashed');
  });
});
