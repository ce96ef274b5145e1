import { type DistributionSpec, distributionSchema } from '../random/distributionSpec.ts';
import { fromSpec } from '../random/fromSpec.ts';
import { duration } from '../spec/duration.ts';
import {
  array,
  enumOf,
  integer,
  literal,
  refine,
  type Schema,
  select,
  string,
  transform,
} from '../spec/schema.ts';

/** Model and function names: safe as file and folder names, and easy to type. */
export const NAME = string({
  pattern: /^[a-z0-9][a-z0-9._-]*$/,
  patternHint: 'lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
  maxLength: 64,
});

export const SOURCES = array(string({ minLength: 1 }), { minItems: 1 }).describe(
  'Where the numbers come from: publications, measurements, documentation.',
);

/** Beyond this a duration is no latency but an accident of parameters: about 30 years. */
const MAX_MS = 1e12;

/**
 * A distribution of durations whose draws stay finite: parameters such as a
 * lognormal mu of 1000 are valid numbers but would draw Infinity, and every
 * call would then stay in flight for ever. Checked at the p99.9999.
 */
export const latencySchema: Schema<DistributionSpec> = refine(distributionSchema, (spec) => {
  const q = fromSpec(spec).quantile(1 - 1e-6);
  return q < MAX_MS
    ? undefined
    : `draws values beyond ${MAX_MS} ms (about 30 years) at its p99.9999 (got ${q}); check its parameters`;
});

/** A duration, or "forever" (Infinity). */
export function durationOrForever(what: string): Schema<number> {
  return select<number>(
    [{ when: (v) => v === 'forever', schema: transform(literal('forever'), () => Infinity) }],
    duration(),
  ).describe(`${what}: a duration, or "forever"`);
}

/** A distribution, or "forever" (null: never ends). */
export function distributionOrForever(what: string): Schema<DistributionSpec | null> {
  return select<DistributionSpec | null>(
    [{ when: (v) => v === 'forever', schema: transform(literal('forever'), () => null) }],
    latencySchema,
  ).describe(`${what}: a distribution of durations, or "forever"`);
}

/** A positive count, or "unlimited" (Infinity). */
export function countOrUnlimited(what: string): Schema<number> {
  return select<number>(
    [{ when: (v) => v === 'unlimited', schema: transform(literal('unlimited'), () => Infinity) }],
    integer({ min: 1 }),
  ).describe(`${what}: a whole number >= 1, or "unlimited"`);
}

export const ROUTING = enumOf(['mru', 'lru', 'random'] as const);
