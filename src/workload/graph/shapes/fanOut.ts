import type { Infer } from '../../../spec/schema.ts';
import { integer, object, optional, transform, withDefault } from '../../../spec/schema.ts';
import { SpecError } from '../../../spec/specError.ts';
import { edgeCallerSchema, toCallerPolicy } from '../../client/callerSpec.ts';
import { tag } from '../../kindTag.ts';
import { MAX_STEP_CALLS } from '../limits.ts';
import { step } from '../step.ts';
import { waitFor } from '../waitFor.ts';
import type { ShapeKind } from './shapeKind.ts';

const schema = transform(
  object({
    width: integer({ min: 1, max: MAX_STEP_CALLS }),
    waitFor: withDefault(waitFor, 'all'),
    caller: optional(edgeCallerSchema).describe(
      "The root's timeout, retries and hedging on each leaf call (as the root `caller`)",
    ),
  }),
  tag('fanOut'),
).describe('"root" calls "leaf" `width` times in parallel and waits for all or the first k.');

export type FanOutShape = Infer<typeof schema>;

export const fanOut: ShapeKind<FanOutShape> = {
  name: 'fanOut',
  schema,
  toGraph: ({ width, waitFor: w, caller }, path) => {
    const k = w === 'all' ? width : w;
    if (k > width) {
      throw new SpecError(`${path}.waitFor`, `cannot wait for ${k} answers of ${width} calls`);
    }
    return {
      entry: 'root',
      steps: {
        root: [
          step(
            [
              {
                target: 'leaf',
                count: width,
                async: false,
                ...(caller === undefined ? {} : { policy: toCallerPolicy(caller) }),
              },
            ],
            k,
          ),
        ],
        leaf: [],
      },
    };
  },
};
