import { describe, expect, it } from 'vitest';
import { toPlatformConfig } from '../../src/models/platformModel.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { HYBRID_DEFAULTS } from '../../src/platform/keepAlive/index.ts';

const valid = { kind: 'platform', name: 'p', description: 'd', source: ['s'] };

const add = (fields: Record<string, unknown>) => () =>
  presetRegistry().add({ ...valid, ...fields }, 'p.json');

const config = (fields: Record<string, unknown>) => {
  const registry = presetRegistry();
  registry.add({ ...valid, ...fields }, 'p.json');
  return toPlatformConfig(registry.platform('p', 'platform').model);
};

describe('keepAlivePolicy in a platform model', () => {
  it('is absent (the fixed keepAlive) unless given; hybrid takes the paper settings by default', () => {
    expect(config({}).keepAlivePolicy).toBeUndefined();
    expect(config({ keepAlivePolicy: { policy: 'fixed' } }).keepAlivePolicy).toEqual({
      policy: 'fixed',
    });
    expect(config({ keepAlivePolicy: { policy: 'hybrid' } }).keepAlivePolicy).toEqual({
      policy: 'hybrid',
      ...HYBRID_DEFAULTS,
    });
    expect(
      config({ keepAlivePolicy: { policy: 'hybrid', range: '2h', bin: '30s' } }).keepAlivePolicy,
    ).toMatchObject({ range: 7_200_000, bin: 30_000, fallback: 7_200_000 });
  });

  it('gives an unknown policy name a "did you mean"', () => {
    expect(add({ keepAlivePolicy: { policy: 'hybird' } })).toThrow(
      /p\.json: keepAlivePolicy\.policy: must be one of "fixed", "hybrid" \(got "hybird"\).*did you mean "hybrid"/,
    );
  });

  it('refuses an option the policy does not take, listing the ones it does', () => {
    expect(add({ keepAlivePolicy: { policy: 'fixed', range: '4h' } })).toThrow(
      'p.json: keepAlivePolicy: unknown field "range" (allowed: policy)',
    );
    expect(add({ keepAlivePolicy: { policy: 'hybrid', windowSize: 3 } })).toThrow(
      /keepAlivePolicy: unknown field "windowSize" \(allowed: policy, range, bin, headPercentile/,
    );
    expect(add({ keepAlivePolicy: { policy: 'hybrid', marign: 0.1 } })).toThrow(
      /keepAlivePolicy: unknown field "marign".*did you mean "margin"/,
    );
  });

  it('refuses bad values with the field path and the reason', () => {
    const hybrid = (f: Record<string, unknown>) =>
      add({ keepAlivePolicy: { policy: 'hybrid', ...f } });
    expect(hybrid({ margin: 1 })).toThrow('p.json: keepAlivePolicy.margin: must be < 1');
    expect(hybrid({ headPercentile: 0 })).toThrow('keepAlivePolicy.headPercentile: must be > 0');
    expect(hybrid({ headPercentile: 99, tailPercentile: 50 })).toThrow(
      'keepAlivePolicy.headPercentile: must be below tailPercentile (50), got 99',
    );
    expect(hybrid({ bin: '5h' })).toThrow('keepAlivePolicy.bin: must be at most the range');
    expect(hybrid({ bin: '1ms' })).toThrow(/keepAlivePolicy.bin: gives 14400000 bins/);
    expect(hybrid({ range: 0 })).toThrow(/keepAlivePolicy.range/);
    expect(hybrid({ minSamples: 0.5 })).toThrow(/keepAlivePolicy.minSamples/);
  });
});
