import type { DistributionSpec } from '../../random/distributionSpec.ts';
import { distributionSchema } from '../../random/distributionSpec.ts';
import { fromSpec } from '../../random/fromSpec.ts';
import { numbersOnly } from '../../spec/numbersOnly.ts';
import type { Infer } from '../../spec/schema.ts';
import {
  enumOf,
  integer,
  number,
  object,
  optional,
  probability,
  refine,
  string,
  transform,
  withDefault,
} from '../../spec/schema.ts';
import { tag } from '../kindTag.ts';
import { CHARACTERISATION_NAMES } from '../population/characterisations/index.ts';
import { drawPopulation, populationModel } from '../population/drawPopulation.ts';
import type { SourceKind } from './sourceKind.ts';

/**
 * At most this many functions in one population: each is a function, a pool, its random streams
 * and its counters, about 13 KB in a run (measured: 10,000 functions, 233 MB peak with their
 * instances), so 100,000 need some 1.3 GB per thread.
 */
export const MAX_POPULATION = 100_000;

/** A distribution that can draw a value above zero (otherwise no function could be made). */
const positive = (what: string) =>
  refine(distributionSchema, (spec: DistributionSpec) => {
    const top = fromSpec(spec).quantile(1);
    return top > 0 || `has no mass above zero: every function would get ${what} 0`;
  });

const schema = transform(
  object({
    functions: integer({ min: 1, max: MAX_POPULATION }).describe(
      'How many functions: each its own function with its own pool',
    ),
    like: withDefault(enumOf(CHARACTERISATION_NAMES), 'azure-2019').describe(
      'The published characterisation the functions are drawn from',
    ),
    perDay: optional(numbersOnly(positive('a rate of'), 'calls a day')).describe(
      "Invocations per day of one function (numbers, read as calls a day); default: the characterisation's",
    ),
    periodicShare: optional(probability()).describe(
      'Share of functions called like timers (periodic, inter-arrival CV 0)',
    ),
    iatCv: optional(numbersOnly(distributionSchema, 'a coefficient of variation')).describe(
      'Inter-arrival coefficient of variation of the other functions (numbers): 1 is Poisson, above 1 bursty',
    ),
    execution: optional(positive('an execution time of')).describe(
      "A function's mean execution time; default: the characterisation's",
    ),
    executionSigma: optional(number({ min: 0, max: 5 })).describe(
      "Spread of one function's execution times: sigma of ln(ms) of a lognormal around its mean",
    ),
    memoryMB: optional(numbersOnly(positive('a memory of'), 'MB')).describe(
      'Memory of one function (numbers, MB), rounded up to a size the platform offers',
    ),
    rateScale: withDefault(number({ exclusiveMin: 0, max: 1e6 }), 1).describe(
      "Multiplies every function's rate (a region busier or quieter than the characterisation's)",
    ),
    maxPerSecond: optional(number({ exclusiveMin: 0, max: 1e7 })).describe(
      'Caps the rate of any one function, calls per second',
    ),
    prefix: withDefault(
      string({
        pattern: /^[A-Za-z][A-Za-z0-9_-]*$/,
        patternHint: 'a letter, then letters, digits, "_" or "-"',
        maxLength: 32,
      }),
      'fn',
    ).describe('Function names: the prefix and a number (fn0000, fn0001, ...)'),
  }),
  tag('population'),
).describe(
  'Many functions at once, each with its own pool, rate, burstiness, execution time and memory, drawn from a published characterisation (Azure Functions 2019).',
);

export type PopulationSource = Infer<typeof schema>;

export const population: SourceKind<PopulationSource> = {
  name: 'population',
  schema,
  create: () => {
    // resolve gives each function of a population its own arrivals (functions below).
    throw new TypeError(
      'a population sends its calls to its own functions, not to the entry function',
    );
  },
  // Without a cap: the cap only lowers it (the estimate is an upper bound then).
  expectedArrivals: (s, ms) =>
    s.functions * populationModel(s).perDay.mean * s.rateScale * (ms / 86_400_000),
  functions: (s, _trace, seed) => drawPopulation(s, seed),
};
