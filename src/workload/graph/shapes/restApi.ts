import type { Infer } from '../../../spec/schema.ts';
import { integer, object, transform } from '../../../spec/schema.ts';
import { tag } from '../../kindTag.ts';
import type { GraphStep } from '../graph.ts';
import { MAX_STEP_CALLS } from '../limits.ts';
import { step } from '../step.ts';
import type { ShapeKind } from './shapeKind.ts';

const schema = transform(
  object({
    items: integer({ min: 0, max: MAX_STEP_CALLS }),
  }),
  tag('restApi'),
).describe('"api" calls "list", then fetches every item from "item" in parallel.');

export type RestApiShape = Infer<typeof schema>;

export const restApi: ShapeKind<RestApiShape> = {
  name: 'restApi',
  schema,
  toGraph: ({ items }) => {
    const steps: GraphStep[] = [step([{ target: 'list', count: 1, async: false }], 1)];
    if (items > 0) steps.push(step([{ target: 'item', count: items, async: false }], items));
    return { entry: 'api', steps: { api: steps, list: [], item: [] } };
  },
};
