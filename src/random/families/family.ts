import type { Schema } from '../../spec/schema.ts';
import type { Distribution } from '../distribution.ts';
import type { DistributionSpec } from './index.ts';

/**
 * One family of distributions, whole: how it is written in a model or experiment file
 * (the schema, under its one key), its words for editors, and the sampler it builds.
 * Adding a family is a file exporting one of these, and its line in ./index.ts.
 */
export interface DistributionFamily<S extends { kind: string }> {
  /** The key of the object form: {"lognormal": {...}}. */
  readonly name: string;
  /** The spec kinds the schema parses to (lognormal has two forms, so two kinds). */
  readonly kinds: readonly S['kind'][];
  /** One line for editors (the JSON Schema's description of the key). */
  readonly words: string;
  /**
   * Parses what is under the key to a tagged spec. `any` is the schema of any
   * distribution, for families that hold others (shifted, mixture).
   */
  schema(any: Schema<DistributionSpec>): Schema<S>;
  /**
   * The sampler for a validated spec (the parser has checked every constraint; the
   * sampler's own checks are a second line). `build` builds nested distributions.
   */
  build(spec: S, build: (spec: DistributionSpec) => Distribution): Distribution;
}
