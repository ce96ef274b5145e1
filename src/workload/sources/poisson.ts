import type { Infer } from '../../spec/schema.ts';
import { object, transform } from '../../spec/schema.ts';
import { PoissonArrivals } from '../arrivals/poissonArrivals.ts';
import { tag } from '../kindTag.ts';
import { rate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(object({ perSecond: rate }), tag('poisson')).describe(
  'Poisson arrivals at a steady rate.',
);

export type PoissonSource = Infer<typeof schema>;

export const poisson: SourceKind<PoissonSource> = {
  name: 'poisson',
  schema,
  create: (s, rng) => new PoissonArrivals(s.perSecond, rng),
  expectedArrivals: (s, ms) => s.perSecond * (ms / 1000),
};
