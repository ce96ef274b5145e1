import type { Rng } from '../../random/rng.ts';
import type { Schema } from '../../spec/schema.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';
import type { RegionFunction } from '../population/regionFunction.ts';
import type { TraceData } from './trace.ts';

/**
 * One kind of arrival source, whole: how it is written in an experiment file (the schema,
 * with its words for editors), how it makes arrivals, and how many it is expected to make
 * (for the work estimate). Adding a kind is a file exporting one of these, and its line in
 * ./index.ts.
 */
export interface SourceKind<S extends { kind: string }> {
  /** The key in the experiment file, {"poisson": {...}}, and the parsed spec's `kind`. */
  readonly name: S['kind'];
  /** Parses what is under the key, tagged with `kind`; its description is the kind's words. */
  readonly schema: Schema<S>;
  /** A fresh arrival process for one run. `trace` is the file loaded up front, for traces. */
  create(spec: S, rng: Rng, trace?: TraceData): ArrivalProcess;
  /** Root calls the source is expected to send in the first `durationMs` of a run. */
  expectedArrivals(spec: S, durationMs: number, trace?: TraceData): number;
  /**
   * Sources of many functions (a population, a trace replayed function by function): the
   * functions the source brings, each to get its own function and pool and its own calls.
   * null (or no method): the source's calls go to the graph's entry function (`create`).
   * `seed` is the experiment's: the same seed gives the same functions.
   */
  functions?(spec: S, trace: TraceData | undefined, seed: string | number): RegionFunction[] | null;
}
