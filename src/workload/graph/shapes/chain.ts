import type { Infer } from '../../../spec/schema.ts';
import {
  boolean,
  integer,
  object,
  optional,
  transform,
  withDefault,
} from '../../../spec/schema.ts';
import { SpecError } from '../../../spec/specError.ts';
import { edgeCallerSchema, toCallerPolicy } from '../../client/callerSpec.ts';
import { tag } from '../../kindTag.ts';
import type { Graph } from '../graph.ts';
import { MAX_DEPTH } from '../limits.ts';
import { step } from '../step.ts';
import type { ShapeKind } from './shapeKind.ts';

const schema = transform(
  object({
    depth: integer({ min: 1, max: MAX_DEPTH }).describe(
      'Functions in the chain: f1 calls f2 ... calls fN.',
    ),
    async: withDefault(boolean(), false),
    caller: optional(edgeCallerSchema).describe(
      "Each function's timeout, retries and hedging on its call to the next (as the root `caller`); for one hop only, write the chain as a `custom` graph",
    ),
  }),
  tag('chain'),
).describe('f1 -> f2 -> ... -> fN, each waiting for the next unless async.');

export type ChainShape = Infer<typeof schema>;

export const chain: ShapeKind<ChainShape> = {
  name: 'chain',
  schema,
  toGraph: ({ depth, async, caller }, path) => {
    if (async && caller !== undefined) {
      throw new SpecError(`${path}.caller`, 'needs answers to wait for: an async chain has none');
    }
    const policy = caller === undefined ? {} : { policy: toCallerPolicy(caller) };
    const steps: Graph['steps'] = {};
    for (let i = 1; i <= depth; i++) {
      steps[`f${i}`] =
        i < depth
          ? [step([{ target: `f${i + 1}`, count: 1, async, ...policy }], async ? 0 : 1)]
          : [];
    }
    return { entry: 'f1', steps };
  },
};
