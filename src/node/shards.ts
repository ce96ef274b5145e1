import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { BREAKDOWN_STRIDE, breakdownBin, type ReplicationData } from '../experiments/recorder.ts';
import {
  type ReplicationDataJSON,
  replicationFromJSON,
  replicationToJSON,
} from '../experiments/replicationData.ts';
import { type ExperimentHeader, headerOf, type Unit } from '../experiments/runExperiment.ts';
import { Histogram, type HistogramJSON } from '../metrics/histogram.ts';
import { STAGES } from '../platform/call.ts';
import { VERSION } from '../version.ts';
import type { TraceData } from '../workload/workloadSpec.ts';
import { readJson, writeFileAtomic } from './files.ts';
import { InputError } from './inputError.ts';
import { Shape } from './readResults.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "K/N" with 1 <= K <= N. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: must be K/N with 1 <= K <= N, e.g. 2/8 (got "${text}")`);
  }
  return { index, count };
}

/** The units of shard K of N: every N-th unit, a deterministic slice that balances points. */
export function shardUnits(units: Unit[], shard: Shard): Unit[] {
  return units.filter((u) => u.id % shard.count === shard.index - 1);
}

interface ShardFile {
  format: 'coldtail-shard/1';
  version: string;
  /** Same experiment, models, traces, seed and version on every shard, or merging is refused. */
  fingerprint: string;
  header: ExperimentHeader;
  shard: Shard;
  units: { id: number; data: ReplicationDataJSON }[];
}

/** FNV-1a, 2 x 32 bits: enough to tell two different experiments apart. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * Same experiment, models, trace contents, seed and version: the same fingerprint. Traces are
 * hashed by what the runs replay (their parsed rows), as read when the experiment was loaded:
 * a trace file changed between two shards, or during one, then fails the merge.
 */
export function experimentFingerprint(prepared: PreparedExperiment): string {
  const traces = new Map<unknown, string>();
  for (const p of prepared.points) {
    for (const s of p.resolved.sources) {
      if (s.trace && !traces.has(s.trace)) traces.set(s.trace, traceDigest(s.trace));
    }
  }
  return fingerprint(
    JSON.stringify(
      {
        version: VERSION,
        header: headerOf(prepared),
        resolved: prepared.points.map((p) => p.resolved),
      },
      // A trace's arrival times are in a Map, which JSON.stringify writes as {}.
      (_key, value) => traces.get(value) ?? value,
    ),
  );
}

/** SHA-256 of a trace's rows, numbers little-endian so that every machine agrees. */
function traceDigest(trace: TraceData): string {
  const hash = createHash('sha256');
  const text = (t: string) => hash.update(`${JSON.stringify(t)}\n`);
  // In chunks: a trace of millions of arrivals needs no copy of its own size.
  const chunk = Buffer.alloc(8 * 8192);
  const numbers = (values: ArrayLike<number>) => {
    text(String(values.length));
    for (let from = 0; from < values.length; from += 8192) {
      const n = Math.min(8192, values.length - from);
      for (let i = 0; i < n; i++) chunk.writeDoubleLE(values[from + i], i * 8);
      hash.update(chunk.subarray(0, n * 8));
    }
  };
  text(trace.file);
  for (const [name, times] of trace.timestamps ?? []) {
    text(name);
    numbers(times);
  }
  for (const row of trace.azure ?? []) {
    for (const t of [row.owner, row.app, row.function, row.trigger]) text(t);
    numbers(row.counts);
  }
  return `trace:${hash.digest('hex')}`;
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

export function writeShard(
  dir: string,
  prepared: PreparedExperiment,
  shard: Shard,
  data: Map<number, ReplicationData>,
): string {
  const file: ShardFile = {
    format: 'coldtail-shard/1',
    version: VERSION,
    fingerprint: experimentFingerprint(prepared),
    header: headerOf(prepared),
    shard,
    units: [...data.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([id, d]) => ({ id, data: replicationToJSON(d) })),
  };
  const path = join(dir, shardFileName(shard));
  writeFileAtomic(path, JSON.stringify(file));
  return path;
}

/** Shard files: those given, and the shard-K-of-N.json files of the folders given (each once). */
function shardPaths(paths: string[]): string[] {
  const files = new Map<string, string>();
  for (const p of paths) {
    let names: string[] | null;
    try {
      names = statSync(p).isDirectory() ? readdirSync(p) : null;
    } catch {
      throw new InputError(`${p}: no such shard file or folder, or it cannot be read`);
    }
    const found = names
      ? names.filter((n) => /^shard-\d+-of-\d+\.json$/.test(n)).map((n) => join(p, n))
      : [p];
    for (const f of found) if (!files.has(resolve(f))) files.set(resolve(f), f);
  }
  return [...files.values()].sort();
}

/**
 * Reads shard files (or the shard files in folders) and checks that they
 * belong to one run of one experiment, split one way, and cover every unit
 * exactly once. Returns the files too, for messages about their contents.
 */
export function readShards(paths: string[]): {
  header: ExperimentHeader;
  data: Map<number, ReplicationData>;
  files: string[];
} {
  const files = shardPaths(paths);
  if (files.length === 0) throw new InputError(`no shard-K-of-N.json files in ${paths.join(', ')}`);
  const data = new Map<number, ReplicationData>();
  // The file of each shard index read so far.
  const seen = new Map<number, string>();
  let first: ShardFile | null = null;
  let firstFile = '';
  for (const f of files) {
    const s = readShardFile(f);
    const { index, count } = s.shard;
    if (first === null) {
      first = s;
      firstFile = f;
    } else if (s.fingerprint !== first.fingerprint) {
      throw new InputError(
        `${f}: comes from another experiment, models, trace files, seed or coldtail version than ${firstFile} (fingerprints ${s.fingerprint} and ${first.fingerprint})`,
      );
    } else if (count !== first.shard.count) {
      throw new InputError(
        `${f}: the shards split the runs differently: this is shard ${index}/${count}, ${firstFile} is shard ${first.shard.index}/${first.shard.count} (merge the shards of one --shard K/N split)`,
      );
    } else if (JSON.stringify(s.header) !== JSON.stringify(first.header)) {
      throw new InputError(`${f}: header: differs from that of ${firstFile}`);
    }
    const again = seen.get(index);
    if (again !== undefined)
      throw new InputError(`${f}: shard ${index}/${count} again (also ${again})`);
    seen.set(index, f);
    addUnits(f, s, data);
  }
  const header = first!.header;
  const count = first!.shard.count;
  const total = header.points.length * header.replications;
  if (data.size < total) {
    // Shards past the number of runs hold none: they are never missing.
    const missing: string[] = [];
    for (let k = 1; k <= Math.min(count, total) && missing.length <= 10; k++) {
      if (!seen.has(k)) missing.push(missing.length < 10 ? `${k}/${count}` : '...');
    }
    if (missing.length > 0) {
      throw new InputError(
        `the shards cover ${data.size} of ${total} runs; missing shard ${missing.join(', ')}`,
      );
    }
    // Every shard is there, yet a run is not: a shard file lost some of its units.
    let id = 0;
    while (data.has(id)) id++;
    const k = (id % count) + 1;
    throw new InputError(
      `${seen.get(k)}: units: run ${id} of shard ${k}/${count} is missing (the shards cover ${data.size} of ${total} runs)`,
    );
  }
  return { header, data, files };
}

/** Adds a shard's units to `data`, each checked to belong to the shard. */
function addUnits(f: string, s: ShardFile, data: Map<number, ReplicationData>): void {
  const shape = new Shape(f);
  const { index, count } = s.shard;
  const total = s.header.points.length * s.header.replications;
  s.units.forEach((u, i) => {
    const at = `units[${i}]`;
    if (u.id >= total) {
      throw shape.fail(`${at}.id`, `run ${u.id} is beyond the experiment's ${total} runs`);
    }
    if (u.id % count !== index - 1) {
      throw shape.fail(`${at}.id`, `run ${u.id} is not in shard ${index}/${count}`);
    }
    if (data.has(u.id)) throw shape.fail(`${at}.id`, `run ${u.id} is listed twice`);
    try {
      data.set(u.id, replicationFromJSON(u.data));
    } catch (e) {
      // The checks leave only what a histogram's own reader finds (counts that disagree...).
      const bad = badHistogram(u.data) ?? { field: '', error: e };
      const reason = (bad.error as Error).message.replace(/^Histogram\.fromJSON: /, '');
      throw shape.fail(`${at}.data${bad.field}`, reason);
    }
  });
}

/** The first histogram of a replication's data that cannot be read, and why (for messages). */
function badHistogram(d: ReplicationDataJSON): { field: string; error: unknown } | null {
  const all: [string, HistogramJSON | null][] = [
    ['.endToEnd', d.endToEnd],
    ...d.stages.map((h, i): [string, HistogramJSON] => [`.stages[${i}]`, h]),
    ...(d.timeline?.p99 ?? []).map((h, w): [string, HistogramJSON | null] => [
      `.timeline.p99[${w}]`,
      h,
    ]),
  ];
  for (const [field, h] of all) {
    try {
      if (h) Histogram.fromJSON(h);
    } catch (error) {
      return { field, error };
    }
  }
  return null;
}

const FORMAT = 'coldtail-shard/1';

/** Reads one shard file and checks the shapes that merging walks. */
function readShardFile(f: string): ShardFile {
  const json = readJson(f) as Record<string, unknown> | null;
  const format = typeof json === 'object' && json !== null ? json.format : undefined;
  if (typeof format !== 'string' || !format.startsWith('coldtail-shard/')) {
    throw new InputError(`${f}: not a coldtail shard file (no "format": "${FORMAT}")`);
  }
  const s = new Shape(f);
  const o = s.object(json, 'shard file');
  if (format !== FORMAT)
    throw s.fail('format', `"${format}" is not one this version reads (${FORMAT})`);
  s.string(o.fingerprint, 'fingerprint');
  const shard = s.object(o.shard, 'shard');
  const count = s.integer(shard.count, 'shard.count', 1);
  s.integer(shard.index, 'shard.index', 1, count);
  checkHeader(s, o.header);
  s.list(o.units, 'units').forEach((u, i) => {
    const unit = s.object(u, `units[${i}]`);
    s.integer(unit.id, `units[${i}].id`, 0);
    checkData(s, unit.data, `units[${i}].data`);
  });
  return o as unknown as ShardFile;
}

function checkHeader(s: Shape, v: unknown): void {
  const h = s.object(v, 'header');
  for (const k of ['name', 'title', 'description']) s.string(h[k], `header.${k}`);
  if (typeof h.seed !== 'string' && typeof h.seed !== 'number') {
    throw s.fail('header.seed', 'must be a string or a number');
  }
  // As many as an experiment file may ask for.
  s.integer(h.replications, 'header.replications', 1, 10_000);
  s.numbers(h, 'header', ['duration', 'warmup']);
  s.list(h.axes, 'header.axes').forEach((a, i) => {
    const axis = s.object(a, `header.axes[${i}]`);
    s.string(axis.path, `header.axes[${i}].path`);
    s.string(axis.name, `header.axes[${i}].name`);
    s.list(axis.values, `header.axes[${i}].values`);
  });
  s.list(h.points, 'header.points').forEach((p, i) => {
    const point = s.object(p, `header.points[${i}]`);
    s.integer(point.index, `header.points[${i}].index`, 0);
    s.object(point.params, `header.points[${i}].params`);
    s.string(point.label, `header.points[${i}].label`);
  });
  if (h.charts !== undefined) s.list(h.charts, 'header.charts');
}

// The breakdown table's length in every recording: one row per bin, the top bin for the
// longest latencies.
const BREAKDOWN_LENGTH = (breakdownBin(Number.MAX_VALUE) + 1) * BREAKDOWN_STRIDE;

/** One replication's data: the shapes replicationFromJSON and aggregatePoint walk. */
function checkData(s: Shape, v: unknown, at: string): void {
  const d = s.object(v, at);
  s.numbers(d, at, [
    'arrivals',
    'completed',
    'throttled',
    'timedOut',
    'coldRoots',
    'hops',
    'coldStarts',
    'events',
  ]);
  s.list(d.hopsCold, `${at}.hopsCold`).forEach((n, k) => {
    s.number(n, `${at}.hopsCold[${k}]`);
  });
  checkHistogram(s, d.endToEnd, `${at}.endToEnd`);
  const stages = s.list(d.stages, `${at}.stages`);
  if (stages.length !== STAGES.length) {
    throw s.fail(`${at}.stages`, `must hold ${STAGES.length} histograms (got ${stages.length})`);
  }
  stages.forEach((h, i) => {
    checkHistogram(s, h, `${at}.stages[${i}]`);
  });
  s.integer(d.breakdownLength, `${at}.breakdownLength`, BREAKDOWN_LENGTH, BREAKDOWN_LENGTH);
  s.list(d.breakdown, `${at}.breakdown`).forEach((cell, k) => {
    const pair = s.list(cell, `${at}.breakdown[${k}]`);
    s.integer(pair[0], `${at}.breakdown[${k}][0]`, 0, BREAKDOWN_LENGTH - 1);
    s.number(pair[1], `${at}.breakdown[${k}][1]`);
  });
  s.numbers(s.object(d.cost, `${at}.cost`), `${at}.cost`, [
    'requests',
    'gbSeconds',
    'usd',
    'warmerUsd',
  ]);
  s.numbers(s.object(d.instances, `${at}.instances`), `${at}.instances`, [
    'mean',
    'max',
    'gbSeconds',
  ]);
  if (d.warmers !== null) {
    s.numbers(s.object(d.warmers, `${at}.warmers`), `${at}.warmers`, ['calls', 'cold']);
  }
  if (d.timeline !== null) checkTimeline(s, d.timeline, `${at}.timeline`);
}

function checkTimeline(s: Shape, v: unknown, at: string): void {
  const t = s.object(v, at);
  const series = s.object(t.series, `${at}.series`);
  s.number(series.widthMs, `${at}.series.widthMs`);
  const windows = s.integer(series.windows, `${at}.series.windows`, 0);
  for (const [k, c] of Object.entries(s.object(series.counts, `${at}.series.counts`))) {
    s.list(c, `${at}.series.counts.${k}`);
  }
  for (const [k, g] of Object.entries(s.object(series.gauges, `${at}.series.gauges`))) {
    s.list(s.object(g, `${at}.series.gauges.${k}`).mean, `${at}.series.gauges.${k}.mean`);
  }
  // One per window: also what bounds the windows the merge allocates.
  const p99 = s.list(t.p99, `${at}.p99`);
  if (p99.length !== windows) {
    throw s.fail(`${at}.p99`, `must hold one entry per window (${windows}), got ${p99.length}`);
  }
  p99.forEach((h, w) => {
    if (h !== null) checkHistogram(s, h, `${at}.p99[${w}]`);
  });
}

function checkHistogram(s: Shape, v: unknown, at: string): void {
  const h = s.object(v, at);
  s.numbers(h, at, ['count', 'zero', 'overflow']);
  if (h.count !== 0) s.numbers(h, at, ['min', 'max']);
  s.list(h.buckets, `${at}.buckets`).forEach((b, k) => {
    s.list(b, `${at}.buckets[${k}]`);
  });
  if (typeof h.sumUnits !== 'string' || !/^\d+$/.test(h.sumUnits)) {
    throw s.fail(`${at}.sumUnits`, 'must be a whole number written as a string');
  }
}
