import type { Infer } from '../../spec/schema.ts';
import { object, transform } from '../../spec/schema.ts';
import { ConstantArrivals } from '../arrivals/constantArrivals.ts';
import { tag } from '../kindTag.ts';
import { positiveRate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(object({ perSecond: positiveRate }), tag('constant')).describe(
  'Evenly spaced arrivals.',
);

export type ConstantSource = Infer<typeof schema>;

export const constant: SourceKind<ConstantSource> = {
  name: 'constant',
  schema,
  create: (s) => new ConstantArrivals(s.perSecond),
  expectedArrivals: (s, ms) => s.perSecond * (ms / 1000),
};
