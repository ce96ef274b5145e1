import type { Infer } from '../../../spec/schema.ts';
import { integer, object, transform } from '../../../spec/schema.ts';
import { tag } from '../../kindTag.ts';
import { MAX_STEP_CALLS } from '../limits.ts';
import { step } from '../step.ts';
import type { ShapeKind } from './shapeKind.ts';

const schema = transform(
  object({
    width: integer({ min: 1, max: MAX_STEP_CALLS }),
  }),
  tag('mapReduce'),
).describe('"root" fans out to `width` "map" calls, waits for all, then calls "reduce".');

export type MapReduceShape = Infer<typeof schema>;

export const mapReduce: ShapeKind<MapReduceShape> = {
  name: 'mapReduce',
  schema,
  toGraph: ({ width }) => ({
    entry: 'root',
    steps: {
      root: [
        step([{ target: 'map', count: width, async: false }], width),
        step([{ target: 'reduce', count: 1, async: false }], 1),
      ],
      map: [],
      reduce: [],
    },
  }),
};
