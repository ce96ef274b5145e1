import { type DistributionSpec, distributionSchema } from '../spec/distributionSpec.ts';
import { duration } from '../spec/duration.ts';
import {
  array,
  enumOf,
  integer,
  literal,
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
    distributionSchema,
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
