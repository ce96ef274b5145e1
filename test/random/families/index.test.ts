import { describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_FAMILIES,
  distributionSchema,
  parseDistributionSpec,
} from '../../../src/random/distributionSpec.ts';
import { FAMILIES } from '../../../src/random/families/index.ts';
import { fromSpec } from '../../../src/random/fromSpec.ts';

/** One file form per spec kind: a family added without one here fails the test below. */
const EXAMPLES: Record<string, unknown> = {
  constant: { constant: '5ms' },
  uniform: { uniform: { min: '1ms', max: '3ms' } },
  exponential: { exponential: { mean: '2ms' } },
  normal: { normal: { mean: '5ms', sd: '1ms' } },
  lognormal: { lognormal: { mu: 1, sigma: 0.5 } },
  lognormalQuantiles: { lognormal: { p50: '8ms', p99: '40ms' } },
  gamma: { gamma: { shape: 2, mean: '6ms' } },
  weibull: { weibull: { shape: 1.5, scale: '3ms' } },
  pareto: { pareto: { min: '1ms', shape: 2.5 } },
  shifted: { shifted: { by: '10ms', dist: { exponential: { mean: '1ms' } } } },
  mixture: {
    mixture: [
      { weight: 0.9, dist: '1ms' },
      { weight: 0.1, dist: { uniform: { min: '5ms', max: '9ms' } } },
    ],
  },
  empirical: { empirical: { p0: '1ms', p50: '2ms', p100: '9ms' } },
};

describe('the distribution families registry', () => {
  it('puts every family under its key, in the registry order, with its words for editors', () => {
    expect(DISTRIBUTION_FAMILIES).toEqual(FAMILIES.map((f) => f.name));
    const json = distributionSchema.jsonSchema() as {
      $defs: Record<string, { oneOf: { properties?: Record<string, { description?: string }> }[] }>;
    };
    const keys = json.$defs.distribution.oneOf.find((s) => s.properties)!.properties!;
    expect(Object.keys(keys)).toEqual(FAMILIES.map((f) => f.name));
    for (const f of FAMILIES) {
      expect(f.words.length, f.name).toBeGreaterThan(10);
      expect(keys[f.name].description, f.name).toBe(f.words);
    }
  });

  it('parses and builds every kind a family declares, and only those', () => {
    const declared = FAMILIES.flatMap((f) => f.kinds as readonly string[]);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...declared].sort());
    for (const [kind, json] of Object.entries(EXAMPLES)) {
      const spec = parseDistributionSpec(json, 'x');
      expect(spec.kind).toBe(kind);
      const family = FAMILIES.find((f) => (f.kinds as readonly string[]).includes(kind))!;
      const d = fromSpec(spec);
      expect(Number.isFinite(d.quantile(0.5)), kind).toBe(true);
      expect(d.kind, kind).toBe(family.build(spec as never, fromSpec).kind);
    }
  });
});
