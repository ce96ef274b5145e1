import type { Schema } from '../../../spec/schema.ts';
import type { Graph } from '../graph.ts';

/**
 * One shape of invocation graph, whole: how it is written in an experiment file (the
 * schema, with its words for editors) and the graph it builds. Adding a shape is a file
 * exporting one of these, and its line in ./index.ts.
 */
export interface ShapeKind<S extends { kind: string }> {
  /** The key in the experiment file, {"chain": {...}}, and the parsed spec's `kind`. */
  readonly name: S['kind'];
  /** Parses what is under the key, tagged with `kind`; its description is the shape's words. */
  readonly schema: Schema<S>;
  /**
   * Builds the graph and checks what a schema cannot (targets exist, fan-ins fit,
   * recursion ends); `path` is where the shape's key is, e.g. "graph.chain".
   */
  toGraph(spec: S, path: string): Graph;
}
