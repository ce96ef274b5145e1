import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/random/distributionSpec.ts';
import { fromSpec } from '../../src/random/fromSpec.ts';

describe('fromSpec', () => {
  it('builds a sampler of each kind', () => {
    expect(fromSpec({ kind: 'constant', value: 3 }).mean).toBe(3);
    expect(fromSpec({ kind: 'gamma', shape: 2, scale: 3 }).kind).toBe('gamma');
  });

  it('throws a clear error for a kind it does not know (a library caller may pass anything)', () => {
    const bad = { kind: 'nope' } as unknown as DistributionSpec;
    expect(() => fromSpec(bad)).toThrow(TypeError);
    expect(() => fromSpec(bad)).toThrow(
      /^fromSpec: unknown distribution kind "nope" \(known: constant, uniform, .*empirical\)$/,
    );
    expect(() => fromSpec({} as DistributionSpec)).toThrow(/unknown distribution kind undefined/);
  });
});
