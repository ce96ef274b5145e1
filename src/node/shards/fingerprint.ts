/**
 * What makes two shards parts of one run: the same experiment, models, trace contents, seed and
 * coldtail version give the same fingerprint, a SHA-256 (one hash for the whole, the traces'
 * rows included).
 */
import { createHash, type Hash } from 'node:crypto';
import type { PreparedExperiment } from '../../experiments/prepare.ts';
import { headerOf } from '../../experiments/runExperiment.ts';
import { VERSION } from '../../version.ts';
import type { TraceData } from '../../workload/workloadSpec.ts';

/**
 * Traces are hashed by what the runs replay (their parsed rows), as read when the experiment
 * was loaded: a trace file changed between two shards, or during one, then fails the merge.
 */
export function experimentFingerprint(prepared: PreparedExperiment): string {
  const hash = createHash('sha256');
  const traces = new Map<unknown, string>();
  for (const p of prepared.points) {
    for (const s of p.resolved.sources) {
      if (s.trace && !traces.has(s.trace)) traces.set(s.trace, `trace ${traces.size}`);
    }
  }
  hash.update(
    JSON.stringify(
      {
        version: VERSION,
        header: headerOf(prepared),
        resolved: prepared.points.map((p) => p.resolved),
      },
      // A trace's arrival times are in a Map, which JSON.stringify writes as {}: each trace is
      // named here, and its rows hashed after.
      // The arrays a trace's functions replay are the trace's own, hashed with it below.
      (_key, value) =>
        traces.get(value) ??
        (value instanceof Uint32Array || value instanceof Float64Array
          ? `array of ${value.length}`
          : value),
    ),
  );
  for (const trace of traces.keys()) hashTrace(hash, trace as TraceData);
  return hash.digest('hex');
}

/** A trace's rows into `hash`, numbers little-endian so that every machine agrees. */
function hashTrace(hash: Hash, trace: TraceData): void {
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
  if (trace.azureDurations) {
    text(trace.azureDurations.file);
    for (const [name, values] of trace.azureDurations.byFunction) {
      text(name);
      numbers(values);
    }
  }
  if (trace.azureMemory) {
    text(trace.azureMemory.file);
    for (const [app, mb] of trace.azureMemory.byApp) {
      text(app);
      numbers([mb]);
    }
  }
  for (const f of trace.azure2021 ?? []) {
    text(f.name);
    numbers(f.starts);
    numbers(f.durations);
  }
  if (trace.huawei2023) {
    trace.huawei2023.names.forEach((name, i) => {
      text(name);
      numbers(trace.huawei2023!.counts[i]);
    });
  }
}
