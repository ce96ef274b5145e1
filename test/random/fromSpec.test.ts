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

  it('says what it expected when handed no spec at all, not "Cannot read properties of null"', () => {
    for (const [bad, got] of [
      [null, 'null'],
      [undefined, 'undefined'],
      [5, '5'],
      ['normal', '"normal"'],
      [[], '[]'],
    ] as const) {
      expect(() => fromSpec(bad as unknown as DistributionSpec)).toThrow(
        new TypeError(
          `fromSpec: expected a distribution spec, an object such as {kind: 'constant', value: 3} (known: constant, uniform, exponential, normal, lognormal, lognormalQuantiles, gamma, weibull, pareto, shifted, mixture, empirical), got ${got}`,
        ),
      );
    }
  });

  it('names the kind and the spec when a known kind lacks what its sampler needs', () => {
    const message = (bad: unknown) => {
      try {
        fromSpec(bad as DistributionSpec);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message({ kind: 'mixture' })).toMatch(
      /^fromSpec: not a valid "mixture" spec \{"kind":"mixture"\}: /,
    );
    expect(message({ kind: 'empirical', points: 3 })).toMatch(
      /^fromSpec: not a valid "empirical" spec \{"kind":"empirical","points":3\}: /,
    );
    expect(message({ kind: 'normal', sd: 1 })).toMatch(
      /^fromSpec: not a valid "normal" spec \{"kind":"normal","sd":1\}: .*must be finite/,
    );
    // A nested spec that is none says so itself.
    expect(message({ kind: 'shifted', by: 1, dist: null })).toMatch(
      /^fromSpec: expected a distribution spec, .* got null$/,
    );
    // A long spec is cut short in the message.
    const points = Array.from({ length: 1000 }, (_, i) => ({ p: i / 1000 }));
    expect(message({ kind: 'empirical', points }).length).toBeLessThan(400);
  });
});
