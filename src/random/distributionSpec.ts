/**
 * The JSON form of latency distributions, as people know latency: by
 * parameters, by percentiles, or by a table from a published benchmark.
 * Parsing yields a plain, validated DistributionSpec (durations converted to
 * milliseconds); fromSpec turns it into a sampler. Each family's form is in
 * its own file under ./families; this puts them together under one key each.
 *
 * It lives in random, not spec, because each family's file holds its sampler
 * too, and spec is below random (random may import spec, not the reverse).
 */
import { lazy, oneKey, oneOfType, type Schema } from '../spec/schema.ts';
import { constant } from './families/constant.ts';
import { type DistributionSpec, FAMILIES } from './families/index.ts';

export type { DistributionKind, DistributionSpec } from './families/index.ts';

/** Parses any distribution form; recursive through "shifted" and "mixture". */
export const distributionSchema: Schema<DistributionSpec> = lazy(
  () => distributionForms,
  'distribution',
);

/** Validates a distribution written in JSON and returns it as a DistributionSpec. */
export function parseDistributionSpec(value: unknown, path = ''): DistributionSpec {
  return distributionSchema.parse(value, path);
}

const families = oneKey(
  Object.fromEntries(
    FAMILIES.map((f) => [f.name, f.schema(distributionSchema).describe(f.words)]),
  ) as Record<string, Schema<DistributionSpec>>,
);

/** The families' names, as an object form's one key. */
export const DISTRIBUTION_FAMILIES: readonly string[] = Object.keys(families.alternatives);

// A bare duration ("5ms", or 5 for milliseconds) is the constant family's form.
const bareConstant = constant.schema(distributionSchema);

const distributionForms = oneOfType(
  {
    number: bareConstant,
    string: bareConstant,
    object: families,
  },
  {
    expected:
      'a duration such as "5ms" or a distribution such as {"lognormal": {"p50": "8ms", "p99": "40ms"}}',
  },
).describe(
  'a latency distribution: a constant duration ("5ms", or 5 for milliseconds) or an object with one key naming the family',
);
