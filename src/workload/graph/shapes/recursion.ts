import type { Infer } from '../../../spec/schema.ts';
import { integer, object, probability, transform } from '../../../spec/schema.ts';
import { tag } from '../../kindTag.ts';
import { MAX_DEPTH } from '../limits.ts';
import { step } from '../step.ts';
import type { ShapeKind } from './shapeKind.ts';

const schema = transform(
  object({
    probability: probability().describe('Chance that a call calls itself again.'),
    maxDepth: integer({ min: 1, max: MAX_DEPTH }).describe('Hard limit on the depth.'),
  }),
  tag('recursion'),
).describe('"fn" calls itself with a probability, up to a hard depth limit.');

export type RecursionShape = Infer<typeof schema>;

export const recursion: ShapeKind<RecursionShape> = {
  name: 'recursion',
  schema,
  // A step's maxDepth counts hops below the root, where the root is 0: calls at depths
  // 0 .. maxDepth - 2 recurse, so the deepest is at maxDepth - 1 and a root makes maxDepth calls.
  toGraph: ({ probability: p, maxDepth }) => ({
    entry: 'fn',
    steps: {
      fn: [
        step([{ target: 'fn', count: 1, async: false }], 1, {
          probability: p,
          maxDepth: maxDepth - 1,
        }),
      ],
    },
  }),
};
