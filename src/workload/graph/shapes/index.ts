/**
 * The shapes of invocation graph, one file each: adding a shape is its file and a line here.
 * The order is the order editors list them in (the JSON Schema's properties).
 */
import { oneKey, type Schema } from '../../../spec/schema.ts';
import { chain } from './chain.ts';
import { custom } from './custom.ts';
import { fanOut } from './fanOut.ts';
import { mapReduce } from './mapReduce.ts';
import { recursion } from './recursion.ts';
import { restApi } from './restApi.ts';
import type { ShapeKind } from './shapeKind.ts';

export const SHAPE_KINDS = [chain, fanOut, recursion, mapReduce, restApi, custom] as const;

/** A parsed graph: the spec of any shape above, tagged with its `kind`. */
export type GraphSpec = (typeof SHAPE_KINDS)[number] extends infer K
  ? K extends ShapeKind<infer S>
    ? S
    : never
  : never;

const byName = new Map<string, ShapeKind<GraphSpec>>(
  // Each shape is only ever handed specs of its own name (see shapeKind below).
  SHAPE_KINDS.map((k) => [k.name, k as unknown as ShapeKind<GraphSpec>]),
);

/**
 * The invocation graph in an experiment file. Shapes by name for the common
 * cases (their functions are named as listed), or `custom` for any graph.
 */
export const graphSchema = oneKey(
  Object.fromEntries(SHAPE_KINDS.map((k) => [k.name, k.schema])) as Record<
    GraphSpec['kind'],
    Schema<GraphSpec>
  >,
);

/** The shape that parsed `spec`. */
export function shapeKind(spec: GraphSpec): ShapeKind<GraphSpec> {
  const kind = byName.get(spec.kind);
  if (kind === undefined) {
    // A library caller may pass anything; the parser's own specs never get here.
    throw new TypeError(
      `unknown graph shape ${JSON.stringify(spec.kind)} (known: ${[...byName.keys()].join(', ')})`,
    );
  }
  return kind;
}
