import type { Graph } from './graph.ts';
import { type GraphSpec, shapeKind } from './shapes/index.ts';

// The shapes are one file each under ./shapes; these names stay importable from here.
export { MAX_DEPTH, MAX_STEP_CALLS } from './limits.ts';
export { type GraphSpec, graphSchema } from './shapes/index.ts';

/**
 * Builds the graph and checks what a schema cannot: targets exist, fan-ins fit, recursion
 * ends. `path` is where the graph is in the file ("graph"); errors name the shape's key below it.
 */
export function toGraph(spec: GraphSpec, path: string): Graph {
  return shapeKind(spec).toGraph(spec, `${path}.${spec.kind}`);
}

/** The function names a graph uses, entry first. */
export function graphFunctions(graph: Graph): string[] {
  return [graph.entry, ...Object.keys(graph.steps).filter((n) => n !== graph.entry)];
}
