import type { Infer } from '../../../spec/schema.ts';
import { boolean, integer, object, transform, withDefault } from '../../../spec/schema.ts';
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
  }),
  tag('chain'),
).describe('f1 -> f2 -> ... -> fN, each waiting for the next unless async.');

export type ChainShape = Infer<typeof schema>;

export const chain: ShapeKind<ChainShape> = {
  name: 'chain',
  schema,
  toGraph: ({ depth, async }) => {
    const steps: Graph['steps'] = {};
    for (let i = 1; i <= depth; i++) {
      steps[`f${i}`] =
        i < depth ? [step([{ target: `f${i + 1}`, count: 1, async }], async ? 0 : 1)] : [];
    }
    return { entry: 'f1', steps };
  },
};
