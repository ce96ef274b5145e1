import type { DistributionSpec } from '../../random/distributionSpec.ts';
import type { Rng } from '../../random/rng.ts';
import type { Infer } from '../../spec/schema.ts';
import {
  enumOf,
  object,
  optional,
  refine,
  string,
  transform,
  withDefault,
} from '../../spec/schema.ts';
import { SpecError } from '../../spec/specError.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';
import { TimestampArrivals } from '../arrivals/timestampArrivals.ts';
import { tag } from '../kindTag.ts';
import { expectedFunctionArrivals } from '../population/functionArrivals.ts';
import type { RegionFunction } from '../population/regionFunction.ts';
import { countsToArrivals } from '../trace/countsToArrivals.ts';
import type { TraceText } from '../trace/index.ts';
import { type Azure2021Function, parseAzure2021Csv } from '../trace/parseAzure2021Csv.ts';
import { parseAzureCountsCsv } from '../trace/parseAzureCountsCsv.ts';
import { DURATION_PERCENTILES, parseAzureDurationsCsv } from '../trace/parseAzureDurationsCsv.ts';
import { parseAzureMemoryCsv } from '../trace/parseAzureMemoryCsv.ts';
import { type HuaweiCounts, parseHuawei2023Csv } from '../trace/parseHuawei2023Csv.ts';
import { parseTimestampCsv } from '../trace/parseTimestampCsv.ts';
import { TraceError } from '../trace/traceError.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  refine(
    object({
      file: string({ minLength: 1 }).describe('A CSV file, relative to the experiment file'),
      format: enumOf(['timestamps', 'azure', 'azure2021', 'huawei2023'] as const).describe(
        'timestamps: one arrival a row; azure: Azure Functions 2019 per-minute counts; azure2021: Azure Functions 2021, one invocation a row; huawei2023: Huawei 2023 public requests per minute',
      ),
      durations: optional(string({ minLength: 1 })).describe(
        'azure format: the function_durations_percentiles file, so that each function gets its own execution times',
      ),
      memory: optional(string({ minLength: 1 })).describe(
        "azure format: the app_memory_percentiles file, so that each function gets its application's memory",
      ),
      pools: optional(enumOf(['entry', 'function'] as const)).describe(
        "entry: every call to the graph's entry function; function: each function of the trace its own function and pool (default for azure2021, huawei2023 and azure with durations or memory)",
      ),
      function: optional(string()).describe(
        'Which function of the trace (a name, or a HashFunction); absent: all of them together',
      ),
      spread: withDefault(enumOf(['uniform', 'poisson'] as const), 'uniform').describe(
        'azure and huawei2023 formats: spread each minute uniformly (exact counts) or as Poisson',
      ),
    }),
    (s) => {
      for (const key of ['durations', 'memory'] as const) {
        if (s[key] !== undefined && s.format !== 'azure') {
          return {
            path: key,
            reason: `goes with the "azure" format (the 2019 dataset's files), not "${s.format}"`,
          };
        }
      }
      if (s.pools === 'entry' && (s.durations !== undefined || s.memory !== undefined)) {
        return {
          path: 'pools',
          reason: 'must be "function" with durations or memory: they are per function',
        };
      }
      return undefined;
    },
  ),
  tag('trace'),
).describe('Replays a recorded trace.');

export type TraceSource = Infer<typeof schema>;

/**
 * A trace file as the host hands it over: its text in chunks, read as they are parsed (a trace
 * of any size never sits whole in memory), and whether its contents may be quoted in messages.
 */
export interface TraceFile {
  chunks: TraceText;
  /**
   * True when the file lies outside the experiment's folder: it may be anything (a system
   * file named by mistake, or by someone else's experiment), so a message says that it is not
   * a trace and where, never what it holds.
   */
  outside?: boolean;
}

/**
 * Reads a trace file named in an experiment (the CLI supplies one; a browser may not): its
 * whole text, or a TraceFile. Called once per file; what it read is kept (TraceData).
 */
export type ReadText = (file: string) => string | TraceFile;

export interface TraceData {
  file: string;
  timestamps?: Map<string, Float64Array>;
  azure?: ReturnType<typeof parseAzureCountsCsv>;
  /** azure format: the durations file's percentiles by "HashApp/HashFunction", and its name. */
  azureDurations?: { file: string; byFunction: Map<string, number[]> };
  /** azure format: the memory file's average MB by HashApp, and its name. */
  azureMemory?: { file: string; byApp: Map<string, number> };
  azure2021?: Azure2021Function[];
  huawei2023?: HuaweiCounts;
}

/** Whether a trace source replays each function into its own pool. */
export function replaysEachFunction(spec: TraceSource): boolean {
  if (spec.pools !== undefined) return spec.pools === 'function';
  return (
    spec.format === 'azure2021' ||
    spec.format === 'huawei2023' ||
    spec.durations !== undefined ||
    spec.memory !== undefined
  );
}

/** The key a trace is kept under, read once for every sweep point: its files. */
export function traceKey(spec: TraceSource): string {
  return spec.durations === undefined && spec.memory === undefined
    ? spec.file
    : JSON.stringify([spec.file, spec.durations ?? null, spec.memory ?? null]);
}

/**
 * Loads and checks a trace once, before any run, so that a bad file is
 * reported up front (with its line) rather than in the middle of a sweep.
 */
export function loadTrace(spec: TraceSource, path: string, readText?: ReadText): TraceData {
  const data: TraceData = { file: spec.file };
  let outside = false;
  readTraceFile(spec.file, `${path}.trace.file`, spec.format, readText, (chunks, file) => {
    outside = file.outside ?? false;
    if (spec.format === 'timestamps') data.timestamps = parseTimestampCsv(chunks, spec.file);
    else if (spec.format === 'azure') data.azure = parseAzureCountsCsv(chunks, spec.file);
    else if (spec.format === 'azure2021') data.azure2021 = parseAzure2021Csv(chunks, spec.file);
    else data.huawei2023 = parseHuawei2023Csv(chunks, spec.file);
  });
  if (spec.durations !== undefined) {
    const file = spec.durations;
    readTraceFile(file, `${path}.trace.durations`, 'azure durations', readText, (chunks) => {
      data.azureDurations = { file, byFunction: parseAzureDurationsCsv(chunks, file) };
    });
  }
  if (spec.memory !== undefined) {
    const file = spec.memory;
    readTraceFile(file, `${path}.trace.memory`, 'azure memory', readText, (chunks) => {
      data.azureMemory = { file, byApp: parseAzureMemoryCsv(chunks, file) };
    });
  }
  const source = { outside };
  const names = traceFunctionNames(data);
  if (spec.function !== undefined && !names.includes(spec.function)) {
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '');
    throw new SpecError(
      `${path}.trace.function`,
      source.outside
        ? `no function "${spec.function}" in ${spec.file}`
        : `no function "${spec.function}" in ${spec.file} (it has ${shown})`,
    );
  }
  return data;
}

/**
 * Reads one file of a trace and parses it with `parse`; a problem in it is a SpecError at `path`
 * with the file's own line and column (its contents unquoted when it lies outside the
 * experiment's folder).
 */
function readTraceFile(
  name: string,
  path: string,
  format: string,
  readText: ReadText | undefined,
  parse: (chunks: TraceText, file: TraceFile) => void,
): void {
  if (!readText) throw new SpecError(path, 'trace files cannot be read here');
  let source: TraceFile;
  try {
    const read = readText(name);
    source = typeof read === 'string' ? { chunks: read } : read;
  } catch (e) {
    throw new SpecError(path, `cannot read "${name}": ${(e as Error).message}`);
  }
  try {
    parse(source.chunks, source);
  } catch (e) {
    // The trace's own line and column, under the experiment field that named the file.
    if (e instanceof TraceError) {
      const shown = source.outside
        ? e.withoutContents(format, "the file is outside the experiment's folder")
        : e;
      throw new SpecError(path, shown.message);
    }
    // Anything else, such as a read that fails half-way (the host's error, naming the file).
    throw e;
  }
}

/** The names `function` may pick, in file order. */
function traceFunctionNames(data: TraceData): string[] {
  if (data.timestamps) return [...data.timestamps.keys()];
  if (data.azure) return data.azure.map((r) => r.function);
  if (data.azure2021) return data.azure2021.map((f) => f.name);
  return data.huawei2023!.names;
}

function traceArrivals(spec: TraceSource, rng: Rng, trace: TraceData): ArrivalProcess {
  if (trace.azure2021 || trace.huawei2023) {
    // Every function (or the one picked) into the entry function: their calls merged.
    const region = traceFunctions(spec, trace)!;
    return mergedArrivals(region, spec, rng);
  }
  if (trace.timestamps) {
    const picked =
      spec.function !== undefined
        ? [trace.timestamps.get(spec.function)!]
        : [...trace.timestamps.values()];
    const total = picked.reduce((n, a) => n + a.length, 0);
    const all = new Float64Array(total);
    let at = 0;
    for (const a of picked) {
      all.set(a, at);
      at += a.length;
    }
    all.sort();
    return new TimestampArrivals(all);
  }
  const rows = trace.azure!.filter(
    (r) => spec.function === undefined || r.function === spec.function,
  );
  // A loop, not Math.max(...): a trace may hold more functions than a call has arguments.
  const minutes = rows.reduce((m, r) => Math.max(m, r.counts.length), 0);
  const counts = new Uint32Array(minutes);
  for (const r of rows) for (let m = 0; m < r.counts.length; m++) counts[m] += r.counts[m];
  return countsToArrivals(counts, { spread: spec.spread }, rng);
}

/** Points of the quantile table a function's recorded durations become: p0, p1, ..., p100. */
const DURATION_POINTS = 101;

/** A function's execution from its recorded durations (ms, sorted): a quantile table. */
function executionOf(sorted: Float64Array): DistributionSpec {
  if (sorted[0] === sorted[sorted.length - 1]) return { kind: 'constant', value: sorted[0] };
  const points = Array.from({ length: DURATION_POINTS }, (_, k) => {
    const p = k / (DURATION_POINTS - 1);
    // Nearest rank: the smallest recorded duration with at least a share p at or below it.
    const rank = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
    return { p, value: sorted[rank - 1] };
  });
  return { kind: 'empirical', points };
}

/** A function's execution from the 2019 durations file's percentiles (p0, 1, 25, 50, 75, 99, 100). */
function executionOfPercentiles(values: number[]): DistributionSpec {
  if (values[0] === values[values.length - 1]) return { kind: 'constant', value: values[0] };
  return {
    kind: 'empirical',
    points: DURATION_PERCENTILES.map(([, p], i) => ({ p, value: values[i] })),
  };
}

/**
 * The functions of a trace, each to replay into its own pool (the one `function` names, when
 * given), in file order; functions with no calls at all in the file are left out. Names are the
 * trace's own: a timestamps trace's `function`, "HashApp/HashFunction" (azure), "app/func"
 * (azure2021), the column id (huawei2023).
 */
export function traceFunctions(spec: TraceSource, trace: TraceData): RegionFunction[] {
  const picked = (name: string) => spec.function === undefined || spec.function === name;
  const out: RegionFunction[] = [];
  if (trace.timestamps) {
    for (const [name, times] of trace.timestamps) {
      if (picked(name)) out.push({ name, arrivals: { kind: 'times', times } });
    }
  } else if (trace.azure) {
    for (const row of trace.azure) {
      if (!picked(row.function) || !row.counts.some((c) => c > 0)) continue;
      const name = `${row.app}/${row.function}`;
      const durations = trace.azureDurations?.byFunction.get(name);
      const memoryMB = trace.azureMemory?.byApp.get(row.app);
      out.push({
        name,
        arrivals: { kind: 'counts', counts: row.counts, spread: spec.spread },
        ...(durations ? { execution: executionOfPercentiles(durations) } : {}),
        ...(memoryMB !== undefined ? { memoryMB } : {}),
      });
    }
  } else if (trace.azure2021) {
    for (const f of trace.azure2021) {
      if (!picked(f.name)) continue;
      out.push({
        name: f.name,
        arrivals: { kind: 'times', times: f.starts },
        execution: executionOf(f.durations),
      });
    }
  } else {
    const h = trace.huawei2023!;
    h.names.forEach((name, i) => {
      if (!picked(name) || !h.counts[i].some((c) => c > 0)) return;
      out.push({ name, arrivals: { kind: 'counts', counts: h.counts[i], spread: spec.spread } });
    });
  }
  return out;
}

/** The calls of a trace's functions merged into one stream (to the entry function). */
function mergedArrivals(region: RegionFunction[], spec: TraceSource, rng: Rng): ArrivalProcess {
  let minutes = 0;
  let times = 0;
  for (const f of region) {
    if (f.arrivals.kind === 'counts') minutes = Math.max(minutes, f.arrivals.counts.length);
    else if (f.arrivals.kind === 'times') times += f.arrivals.times.length;
  }
  if (times > 0 || minutes === 0) {
    const all = new Float64Array(times);
    let at = 0;
    for (const f of region) {
      if (f.arrivals.kind !== 'times') continue;
      all.set(f.arrivals.times, at);
      at += f.arrivals.times.length;
    }
    return new TimestampArrivals(all.sort());
  }
  const counts = new Uint32Array(minutes);
  for (const f of region) {
    if (f.arrivals.kind !== 'counts') continue;
    const c = f.arrivals.counts;
    for (let m = 0; m < c.length; m++) counts[m] += c[m];
  }
  return countsToArrivals(counts, { spread: spec.spread }, rng);
}

/** Only the replayed function(s), and only what falls inside the run. */
function traceExpectedArrivals(s: TraceSource, durationMs: number, trace?: TraceData): number {
  let n = 0;
  if (trace && (trace.azure2021 || trace.huawei2023)) {
    for (const f of traceFunctions(s, trace)) n += expectedFunctionArrivals(f.arrivals, durationMs);
    return n;
  }
  if (trace?.timestamps) {
    for (const [name, times] of trace.timestamps) {
      if (s.function !== undefined && name !== s.function) continue;
      for (const t of times) if (t < durationMs) n++;
    }
    return n;
  }
  const minutes = Math.ceil(durationMs / 60_000);
  for (const r of trace?.azure ?? []) {
    if (s.function !== undefined && r.function !== s.function) continue;
    for (let m = 0; m < Math.min(minutes, r.counts.length); m++) n += r.counts[m];
  }
  return n;
}

export const trace: SourceKind<TraceSource> = {
  name: 'trace',
  schema,
  // The trace was loaded by loadTrace when the experiment was resolved.
  create: (s, rng, data) => traceArrivals(s, rng, data!),
  expectedArrivals: traceExpectedArrivals,
  functions: (s, data) => (replaysEachFunction(s) ? traceFunctions(s, data!) : null),
};
