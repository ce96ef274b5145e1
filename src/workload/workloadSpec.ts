import { duration, formatDuration } from '../spec/duration.ts';
import {
  array,
  enumOf,
  type Infer,
  integer,
  object,
  oneOfType,
  optional,
  refine,
  select,
  string,
  transform,
  withDefault,
} from '../spec/schema.ts';
import { sourceSchema } from './sources/index.ts';

// The kinds of source are one file each under ./sources; these names stay importable from here.
export { createArrivals, type SourceSpec, sourceSchema } from './sources/index.ts';
export { loadTrace, type ReadText, type TraceData, type TraceFile } from './sources/trace.ts';
export { TraceError } from './trace/index.ts';

export const workloadSchema = oneOfType({
  array: array(sourceSchema, { minItems: 1 }),
  object: transform(sourceSchema, (s) => [s]),
}).describe('A source of root calls, or a list of sources mixed together');

export const warmersSchema = refine(
  object({
    // "none" switches the warmers off, so that one sweep can compare with and
    // without them (a very long period would stretch a log axis instead).
    period: select<number | 'none'>(
      [{ when: (v) => v === 'none', schema: enumOf(['none'] as const) }],
      duration({ allowZero: false }),
    ).describe(
      'Time between rounds of pings, or "none": no warmers (e.g. as one value of a sweep)',
    ),
    instances: withDefault(integer({ min: 1, max: 10_000 }), 1).describe(
      'Pings sent at once each round: instances kept warm',
    ),
    jitter: withDefault(duration(), 0),
    functions: optional(
      oneOfType({
        string: enumOf(['all'] as const),
        array: array(string({ minLength: 1 }), { minItems: 1 }),
      }),
    ).describe(
      'Functions to ping, each with `instances` pings a round: a list of names, or "all" (default: the entry function)',
    ),
  }),
  // Each round fires within its own period, so the rounds stay in order.
  ({ period, jitter }) =>
    period === 'none' ||
    jitter <= period || {
      path: 'jitter',
      reason: `must not be longer than the period (${formatDuration(period)})`,
    },
);

export type WarmersSpec = Infer<typeof warmersSchema>;
