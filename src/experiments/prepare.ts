import type { ModelRegistry } from '../models/registry.ts';
import { checkNesting } from '../spec/nesting.ts';
import { SpecError, withFile } from '../spec/specError.ts';
import type { ReadText, TraceData } from '../workload/workloadSpec.ts';
import { type ExperimentSpec, experimentSchema } from './experimentSpec.ts';
import { type ResolvedPoint, resolvePoint } from './resolve.ts';
import { blameSweep, expandSweep, type SweepAxis, type SweepPoint, sweepAxes } from './sweep.ts';

export interface PreparedPoint extends SweepPoint {
  resolved: ResolvedPoint;
}

export interface PreparedExperiment {
  spec: ExperimentSpec;
  axes: SweepAxis[];
  points: PreparedPoint[];
  /** The file it came from, for messages. */
  file: string;
}

export interface PrepareContext {
  models: ModelRegistry;
  readText?: ReadText;
  /** The file name for messages (the library reads no files). */
  file?: string;
  /** Refuse sweeps with more points than this. */
  maxPoints?: number;
  /**
   * Traces already read, by file name: filled as they are read, and given back to a worker
   * thread so that it neither reads nor parses them again.
   */
  traces?: Map<string, TraceData>;
}

export const DEFAULT_MAX_POINTS = 10_000;

/** Whether the experiment without its sweep fails with the same error: then the sweep is not to blame. */
function failsAlike(
  err: SpecError,
  without: Record<string, unknown>,
  ctx: PrepareContext,
): boolean {
  try {
    resolvePoint(experimentSchema.parse(without), { models: ctx.models, readText: ctx.readText });
    return false;
  } catch (e) {
    return e instanceof SpecError && e.path === err.path && e.reason === err.reason;
  }
}

/**
 * Validates an experiment completely before anything runs: the file, every
 * sweep point (each is checked as a whole experiment, with errors in a swept
 * value blamed on the sweep), every model and every trace. A bad input
 * therefore fails before any output exists.
 */
export function prepareExperiment(raw: unknown, ctx: PrepareContext): PreparedExperiment {
  const steps = prepareExperimentSteps(raw, ctx);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * prepareExperiment as steps: it yields between its phases (the nesting check, the schema,
 * the sweep's expansion) and after each sweep point is resolved, so that the command line
 * can look at Ctrl-C while a large input is checked (a graph of 60,000 functions takes
 * seconds in all, a sweep of many points over it longer). The result is the same however it
 * is stepped.
 */
export function* prepareExperimentSteps(
  raw: unknown,
  ctx: PrepareContext,
): Generator<void, PreparedExperiment> {
  const file = ctx.file ?? 'experiment';
  try {
    checkNesting(raw);
    yield;
    const spec = experimentSchema.parse(raw);
    yield;
    const axes = sweepAxes(spec.sweep);
    const rawObject = raw as Record<string, unknown>;
    const traces = ctx.traces ?? new Map<string, TraceData>();
    const without = { ...rawObject };
    delete without.sweep;
    const swept = expandSweep(rawObject, axes, ctx.maxPoints ?? DEFAULT_MAX_POINTS);
    const points: PreparedPoint[] = [];
    for (const point of swept) {
      yield;
      try {
        const pointSpec = axes.length === 0 ? spec : experimentSchema.parse(point.raw);
        const resolved = resolvePoint(pointSpec, {
          models: ctx.models,
          readText: ctx.readText,
          traces,
        });
        points.push({ ...point, resolved });
      } catch (e) {
        throw blameSweep(e, axes, point, (err) => failsAlike(err, without, ctx));
      }
    }
    return { spec, axes, points, file };
  } catch (e) {
    if (e instanceof SpecError) throw withFile(e, file);
    throw e;
  }
}
