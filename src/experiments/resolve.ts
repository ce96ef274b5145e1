import { type ClientModel, toClientConfig } from '../models/clientModel.ts';
import {
  type PlatformModel,
  platformModelFields,
  toPlatformConfig,
} from '../models/platformModel.ts';
import type { ModelRegistry } from '../models/registry.ts';
import {
  type ClientConfig,
  type FunctionConfig,
  instanceConcurrency,
  instanceLimit,
  type PlatformConfig,
} from '../platform/config.ts';
import {
  allowedSizes,
  type CpuSpec,
  coldStartFactor,
  executionFactor,
  offers,
  scaleBy,
  vcpuAt,
} from '../platform/memory.ts';
import type { Distribution } from '../random/distribution.ts';
import { fromSpec } from '../random/fromSpec.ts';
import { didYouMean } from '../spec/didYouMean.ts';
import { formatDuration } from '../spec/duration.ts';
import { SpecError } from '../spec/specError.ts';
import { type CallerPolicy, toCallerPolicy } from '../workload/client/callerSpec.ts';
import type { Graph } from '../workload/graph/graph.ts';
import { graphFunctions, toGraph } from '../workload/graph/graphSpec.ts';
import { sourceFunctions } from '../workload/sources/index.ts';
import { traceKey } from '../workload/sources/trace.ts';
import {
  loadTrace,
  type ReadText,
  type SourceSpec,
  type TraceData,
  type WarmersSpec,
} from '../workload/workloadSpec.ts';
import type { ExperimentSpec } from './experimentSpec.ts';
import { type RegionRoute, regionFunctionConfigs } from './regionFunctions.ts';

/** One sweep point, ready to run: every model resolved, every file read. */
export interface ResolvedPoint {
  client: ClientConfig;
  functions: FunctionConfig[];
  graph: Graph;
  /**
   * `functions`: for a source of many functions (a population, a trace replayed function by
   * function), each function's calls, to its own function of `functions` above.
   */
  sources: { spec: SourceSpec; trace?: TraceData; functions?: RegionRoute[] }[];
  /** `functions`: the functions pinged, resolved from the spec (the entry function by default). */
  warmers:
    | (Omit<WarmersSpec, 'functions' | 'period'> & { period: number; functions: string[] })
    | null;
  duration: number;
  warmup: number;
  timelineWindow: number | null;
  /** What the caller does about the tail; null: it sends each root call once and waits. */
  caller: CallerPolicy | null;
  /** drain: ms after `duration` that calls still running may take to finish. */
  limits: { maxEvents: number; maxInFlight: number; maxCallsInFlight: number; drain: number };
}

export interface ResolveContext {
  models: ModelRegistry;
  readText?: ReadText;
  /** Traces already read, by file name, so a sweep reads each file once. */
  traces?: Map<string, TraceData>;
}

/** Fields of a platform model that overrides may not change. */
const FIXED_FIELDS = new Set(['kind', 'name', 'description', 'source', '$schema']);

// maxCallsInFlight: some 1.1 GB of calls and their events (BYTES_PER_CALL), well inside
// V8's heap on a 64-bit machine, per thread.
// drain: an hour, longer than any platform lets a call run (15 min on Lambda); the drain
// ends as soon as the last call does, so a long limit costs only the calls it waits for.
export const DEFAULT_LIMITS = {
  maxEvents: 2e9,
  maxInFlight: 1e6,
  maxCallsInFlight: 2e6,
  drain: 3_600_000,
};

/** Timeline windows per run at most: each is a row of the timeline in results.json. */
export const MAX_TIMELINE_WINDOWS = 100_000;
/** Provisioned instances of all functions together at most: each exists from time 0. */
export const MAX_PROVISIONED = 1_000_000;

/** The functions warmers ping: those named (each checked), all of the graph's, or its entry. */
function warmed(functions: WarmersSpec['functions'], names: string[], entry: string): string[] {
  if (functions === undefined) return [entry];
  if (functions === 'all') return names;
  functions.forEach((name, i) => {
    checkFunction(name, names, `warmers.functions[${i}]`);
  });
  // In the graph's order, however listed: the pings draw their delays in this order.
  return names.filter((name) => functions.includes(name));
}

/** Refuses `name` at `path` unless the graph has that function. */
function checkFunction(name: string, names: string[], path: string): void {
  if (names.includes(name)) return;
  const close = didYouMean(name, names);
  throw new SpecError(
    path,
    `the graph has no function "${name}"${close ? `; did you mean "${close}"?` : ` (it has ${names.join(', ')})`}`,
  );
}

export function resolvePoint(spec: ExperimentSpec, ctx: ResolveContext): ResolvedPoint {
  if (spec.warmup >= spec.duration) {
    throw new SpecError('warmup', `must be shorter than the duration (${spec.duration} ms)`);
  }
  const graph = toGraph(spec.graph, 'graph');
  const names = graphFunctions(graph);
  for (const name of Object.keys(spec.functions ?? {})) {
    checkFunction(name, names, `functions.${name}`);
  }
  const platformConfigs = new Map<string, PlatformConfig>();
  const platformFor = (ref: string | PlatformModel, path: string): PlatformConfig => {
    if (typeof ref !== 'string') ctx.models.checkInline('platform', ref, path);
    const model = typeof ref === 'string' ? ctx.models.platform(ref, path).model : ref;
    // Same model (and overrides) -> same config object, so the functions on it share its cluster.
    const key = typeof ref === 'string' ? `preset:${ref}` : `inline:${JSON.stringify(ref)}`;
    let config = platformConfigs.get(key);
    if (!config) {
      config = toPlatformConfig(applyOverrides(model, spec.platformOverrides));
      checkProvisioned(
        config,
        spec.platformOverrides,
        typeof ref === 'string' ? path : `${path}.provisioned`,
      );
      platformConfigs.set(key, config);
    }
    return config;
  };
  const functions = names.map((name): FunctionConfig => {
    const own = spec.functions?.[name] ?? {};
    const at = own.platform !== undefined ? `functions.${name}.platform` : 'platform';
    const platform = platformFor(own.platform ?? spec.platform, at);
    const memoryMB = own.memoryMB ?? spec.function.memoryMB;
    const memoryAt =
      own.memoryMB !== undefined ? `functions.${name}.memoryMB` : 'function.memoryMB';
    const cpu = own.cpu ?? spec.function.cpu;
    const cpuAt = own.cpu !== undefined ? `functions.${name}.cpu` : 'function.cpu';
    return {
      name,
      platform,
      ...sized(
        platform,
        fromSpec(own.execution ?? spec.function.execution),
        memoryMB,
        memoryAt,
        cpu,
        cpuAt,
      ),
      timeout: own.timeout ?? spec.function.timeout,
      memoryMB,
      ...crashOf(own.crashProbability ?? spec.function.crashProbability),
    };
  });
  const traces = ctx.traces ?? new Map<string, TraceData>();
  const taken = new Set(names);
  const sources = spec.workload.map((s, i): ResolvedPoint['sources'][number] => {
    let trace: TraceData | undefined;
    if (s.kind === 'trace') {
      trace = traces.get(traceKey(s));
      if (!trace) {
        trace = loadTrace(s, `workload[${i}]`, ctx.readText);
        traces.set(traceKey(s), trace);
      }
    }
    const region = sourceFunctions(s, spec.seed, trace);
    if (region === null) return trace ? { spec: s, trace } : { spec: s };
    // Each function of the source on the experiment's platform, in its own pool.
    const { configs, routes } = regionFunctionConfigs(
      region,
      platformFor(spec.platform, 'platform'),
      {
        execution: fromSpec(spec.function.execution),
        memoryMB: spec.function.memoryMB,
        timeout: spec.function.timeout,
        crashProbability: spec.function.crashProbability,
      },
      taken,
      `workload[${i}]`,
    );
    functions.push(...configs);
    return trace ? { spec: s, trace, functions: routes } : { spec: s, functions: routes };
  });
  // Provisioned instances hold cluster slots from the start: they must fit.
  const onCluster = new Map<PlatformConfig, number>();
  for (const f of functions) {
    if (f.platform.cluster) {
      onCluster.set(f.platform, (onCluster.get(f.platform) ?? 0) + f.platform.provisioned);
    }
  }
  for (const [p, n] of onCluster) {
    const slots = p.cluster!.hosts * p.cluster!.slotsPerHost;
    if (n > slots) {
      throw new SpecError(
        spec.platformOverrides?.provisioned !== undefined
          ? 'platformOverrides.provisioned'
          : 'platform',
        `${n} provisioned instances of platform "${p.name}" (over its functions) do not fit its cluster of ${slots} slots`,
      );
    }
  }
  const provisioned = functions.reduce((n, f) => n + f.platform.provisioned, 0);
  if (provisioned > MAX_PROVISIONED) {
    const at =
      spec.platformOverrides?.provisioned !== undefined
        ? 'platformOverrides.provisioned'
        : 'platform';
    throw new SpecError(
      at,
      `asks for ${provisioned} provisioned instances over all functions, more than ${MAX_PROVISIONED}`,
    );
  }
  const window = spec.timeline?.window;
  if (window !== undefined && spec.duration / window > MAX_TIMELINE_WINDOWS) {
    throw new SpecError(
      'timeline.window',
      `makes ${Math.ceil(spec.duration / window)} windows over the duration, more than ${MAX_TIMELINE_WINDOWS} (make it at least ${formatDuration(spec.duration / MAX_TIMELINE_WINDOWS)})`,
    );
  }
  if (typeof spec.client !== 'string') ctx.models.checkInline('client', spec.client, 'client');
  const clientModel: ClientModel =
    typeof spec.client === 'string' ? ctx.models.client(spec.client, 'client').model : spec.client;
  return {
    client: toClientConfig(clientModel),
    functions,
    graph,
    sources,
    // A period of "none" is a sweep's way of saying: no warmers at this point.
    warmers:
      spec.warmers && spec.warmers.period !== 'none'
        ? {
            ...spec.warmers,
            period: spec.warmers.period,
            functions: warmed(spec.warmers.functions, names, graph.entry),
          }
        : null,
    duration: spec.duration,
    warmup: spec.warmup,
    timelineWindow: spec.timeline?.window ?? null,
    caller: spec.caller === undefined ? null : toCallerPolicy(spec.caller),
    limits: {
      maxEvents: spec.limits?.maxEvents ?? DEFAULT_LIMITS.maxEvents,
      maxInFlight: spec.limits?.maxInFlight ?? DEFAULT_LIMITS.maxInFlight,
      maxCallsInFlight: spec.limits?.maxCallsInFlight ?? DEFAULT_LIMITS.maxCallsInFlight,
      drain: spec.limits?.drain ?? DEFAULT_LIMITS.drain,
    },
  };
}

/**
 * A function at its memory size: the size must be one the platform offers; with a `cpu`
 * setting, its execution (given at the reference size) and the CPU-bound cold-start phases
 * scale with the CPU the size gets.
 */
function sized(
  p: PlatformConfig,
  execution: Distribution,
  memoryMB: number,
  memoryAt: string,
  cpu: CpuSpec | undefined,
  cpuAt: string,
): Pick<FunctionConfig, 'execution' | 'coldStart' | 'vcpu'> {
  const m = p.memory;
  if (m === null) {
    if (cpu !== undefined) {
      throw new SpecError(
        cpuAt,
        `platform "${p.name}" says nothing of the CPU each memory size gets (it has no memory model), so the execution time cannot follow the size: remove cpu, or give the platform a memory model`,
      );
    }
    return { execution, vcpu: 0 };
  }
  if (!offers(m, memoryMB)) {
    throw new SpecError(
      memoryAt,
      `platform "${p.name}" does not offer ${memoryMB} MB: it offers ${allowedSizes(m)}`,
    );
  }
  const vcpu = vcpuAt(m, memoryMB);
  if (cpu === undefined) return { execution, vcpu };
  if (!offers(m, cpu.referenceMB)) {
    throw new SpecError(
      `${cpuAt}.referenceMB`,
      `platform "${p.name}" does not offer ${cpu.referenceMB} MB: it offers ${allowedSizes(m)}`,
    );
  }
  const init = coldStartFactor(m, cpu, memoryMB);
  return {
    execution: scaleBy(execution, executionFactor(m, cpu, memoryMB)),
    coldStart: p.coldStart.map((d, i) => (p.coldStartCpuBound[i] ? scaleBy(d, init) : d)),
    vcpu,
  };
}

/**
 * Provisioned instances count against the concurrency limit, as on real platforms: more of them
 * than maxConcurrency allows would be instances over the limit.
 */
function checkProvisioned(
  p: PlatformConfig,
  overrides: Record<string, unknown> | undefined,
  path: string,
): void {
  const limit = instanceLimit(p);
  if (p.provisioned <= limit) return;
  const at =
    overrides?.provisioned !== undefined
      ? 'platformOverrides.provisioned'
      : overrides?.maxConcurrency !== undefined
        ? 'platformOverrides.maxConcurrency'
        : path;
  throw new SpecError(
    at,
    `${p.provisioned} provisioned instances of platform "${p.name}" are more than its maxConcurrency allows (${limit} of ${instanceConcurrency(p)} calls each)`,
  );
}

/** Each override is checked by the platform schema's own field, at its own path. */
function applyOverrides(
  model: PlatformModel,
  overrides: Record<string, unknown> | undefined,
): PlatformModel {
  if (!overrides) return model;
  const shape = platformModelFields.shape as Record<
    string,
    { parse(v: unknown, p: string): unknown }
  >;
  const out: Record<string, unknown> = { ...model };
  for (const [key, value] of Object.entries(overrides)) {
    const path = `platformOverrides.${key}`;
    if (FIXED_FIELDS.has(key)) throw new SpecError(path, 'cannot be overridden');
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      const close = didYouMean(
        key,
        Object.keys(shape).filter((k) => !FIXED_FIELDS.has(k)),
      );
      throw new SpecError(
        'platformOverrides',
        `unknown platform field "${key}"${close ? `; did you mean "${close}"?` : ''}`,
      );
    }
    // frontEnd and its old name, scheduler, are one stage: an override of either replaces it.
    if (key === 'scheduler' || key === 'frontEnd') {
      out.frontEnd = field.parse(value, path);
      delete out.scheduler;
      continue;
    }
    out[key] = field.parse(value, path);
  }
  return out as PlatformModel;
}

/** A function's crash probability, where it has one (absent otherwise: results stay as they were). */
function crashOf(p: number | undefined): Pick<FunctionConfig, 'crashProbability'> {
  return p !== undefined && p > 0 ? { crashProbability: p } : {};
}
