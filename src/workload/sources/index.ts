/**
 * The kinds of arrival source, one file each: adding a kind is its file and a line here.
 * The order is the order editors list them in (the JSON Schema's properties).
 */
import type { Rng } from '../../random/rng.ts';
import { oneKey, type Schema } from '../../spec/schema.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';
import type { RegionFunction } from '../population/regionFunction.ts';
import { burst } from './burst.ts';
import { constant } from './constant.ts';
import { daily } from './daily.ts';
import { onOff } from './onOff.ts';
import { piecewise } from './piecewise.ts';
import { poisson } from './poisson.ts';
import { population } from './population.ts';
import type { SourceKind } from './sourceKind.ts';
import { type TraceData, trace } from './trace.ts';

export const SOURCE_KINDS = [
  poisson,
  constant,
  burst,
  onOff,
  piecewise,
  daily,
  trace,
  population,
] as const;

/** A parsed source: the spec of any kind above, tagged with its `kind`. */
export type SourceSpec = (typeof SOURCE_KINDS)[number] extends infer K
  ? K extends SourceKind<infer S>
    ? S
    : never
  : never;

const byName = new Map<string, SourceKind<SourceSpec>>(
  // Each kind is only ever handed specs of its own name (see sourceKind below).
  SOURCE_KINDS.map((k) => [k.name, k as unknown as SourceKind<SourceSpec>]),
);

/** One source of root calls; times are from the start of the run (warm-up included). */
export const sourceSchema = oneKey(
  Object.fromEntries(SOURCE_KINDS.map((k) => [k.name, k.schema])) as Record<
    SourceSpec['kind'],
    Schema<SourceSpec>
  >,
);

/** The kind that parsed `spec`, to build from it or estimate it. */
export function sourceKind(spec: SourceSpec): SourceKind<SourceSpec> {
  const kind = byName.get(spec.kind);
  if (kind === undefined) {
    // A library caller may pass anything; the parser's own specs never get here.
    throw new TypeError(
      `unknown arrival source kind ${JSON.stringify(spec.kind)} (known: ${[...byName.keys()].join(', ')})`,
    );
  }
  return kind;
}

/** Makes a fresh arrival process for one run. */
export function createArrivals(spec: SourceSpec, rng: Rng, trace?: TraceData): ArrivalProcess {
  return sourceKind(spec).create(spec, rng, trace);
}

/** Root calls a source is expected to send in `durationMs`, for the work estimate. */
export function expectedArrivals(spec: SourceSpec, durationMs: number, trace?: TraceData): number {
  return sourceKind(spec).expectedArrivals(spec, durationMs, trace);
}

/**
 * The functions a source of many functions brings, each with its own pool (see
 * SourceKind.functions); null for a source whose calls go to the entry function.
 */
export function sourceFunctions(
  spec: SourceSpec,
  seed: string | number,
  trace?: TraceData,
): RegionFunction[] | null {
  const kind = sourceKind(spec);
  return kind.functions ? kind.functions(spec, trace, seed) : null;
}
