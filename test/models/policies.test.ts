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

describe('scaling in a platform model', () => {
  it('is absent (on demand) unless given; kpa takes Knative defaults, the panic window 10% of the stable one', () => {
    expect(config({}).scaling).toBeUndefined();
    expect(config({ scaling: { policy: 'kpa' } }).scaling).toMatchObject({
      policy: 'kpa',
      target: 100,
      utilisation: 0.7,
      stableWindow: 60_000,
      panicWindow: 6_000,
      panicThreshold: 2,
      tick: 2_000,
      scaleToZeroGrace: 30_000,
      maxScale: Infinity,
    });
    expect(config({ scaling: { policy: 'kpa', stableWindow: '2min' } }).scaling).toMatchObject({
      panicWindow: 12_000,
    });
  });

  it('gives an unknown policy a "did you mean" and refuses options it does not take', () => {
    expect(add({ scaling: { policy: 'kap' } })).toThrow(
      /scaling\.policy: must be one of "onDemand", "kpa" \(got "kap"\).*did you mean "kpa"/,
    );
    expect(add({ scaling: { policy: 'onDemand', target: 10 } })).toThrow(
      'p.json: scaling: unknown field "target" (allowed: policy)',
    );
    expect(add({ scaling: { policy: 'kpa', containerConcurrency: 10 } })).toThrow(
      /scaling: unknown field "containerConcurrency" \(allowed: policy, target, utilisation/,
    );
  });

  it('refuses bad values with the field path and the reason', () => {
    const kpa = (f: Record<string, unknown>) => add({ scaling: { policy: 'kpa', ...f } });
    expect(kpa({ utilisation: 1.5 })).toThrow('scaling.utilisation: must be <= 1');
    expect(kpa({ stableWindow: '2h' })).toThrow('scaling.stableWindow: must be between 6s and 1h');
    expect(kpa({ stableWindow: '10.5s' })).toThrow(/scaling.stableWindow.*whole seconds/);
    expect(kpa({ panicWindow: '2min' })).toThrow(
      'scaling.panicWindow: must be at most the stable window',
    );
    expect(kpa({ panicThreshold: 1 })).toThrow('scaling.panicThreshold: must be >= 1.1');
    expect(kpa({ minScale: 5, maxScale: 2 })).toThrow(
      'scaling.minScale: must be at most maxScale (2)',
    );
    expect(kpa({ tick: 0 })).toThrow(/scaling.tick/);
  });
});

describe('snapshot in a platform model', () => {
  it('resolves the restore and the cold-cache restores', () => {
    const c = config({
      coldStart: { sandbox: 100, runtimeInit: 3000 },
      snapshot: { restore: 200, firstRestores: { count: 5, restore: 600 } },
    });
    expect(c.snapshot?.restore.mean).toBe(200);
    expect(c.snapshot?.firstRestores?.restore.mean).toBe(600);
    expect(c.snapshot?.firstRestores?.count).toBe(5);
    expect(config({}).snapshot).toBeUndefined();
  });

  it('refuses bad values with the field path and the reason', () => {
    expect(add({ snapshot: {} })).toThrow('p.json: snapshot: missing required field "restore"');
    expect(add({ snapshot: { restore: 200, firstRestores: { count: 0, restore: 1 } } })).toThrow(
      'p.json: snapshot.firstRestores.count: must be >= 1',
    );
    expect(add({ snapshot: { restore: 200, cache: 1 } })).toThrow(
      /snapshot: unknown field "cache" \(allowed: restore, firstRestores\)/,
    );
  });
});

describe('queueing in a platform model', () => {
  it('is absent (one queue per function) unless given; perInstance routes to the least loaded by default', () => {
    expect(config({}).queueing).toBeUndefined();
    expect(config({ queueing: { policy: 'perInstance' } }).queueing).toEqual({
      policy: 'perInstance',
      pick: 'leastLoaded',
    });
    expect(config({ queueing: { policy: 'perFunction' } }).queueing).toEqual({
      policy: 'perFunction',
    });
  });

  it('gives an unknown policy a "did you mean" and refuses options it does not take', () => {
    expect(add({ queueing: { policy: 'perInstanse' } })).toThrow(
      /p\.json: queueing\.policy: must be one of "perFunction", "perInstance" \(got "perInstanse"\).*did you mean "perInstance"/,
    );
    expect(add({ queueing: { policy: 'perFunction', pick: 'random' } })).toThrow(
      'p.json: queueing: unknown field "pick" (allowed: policy)',
    );
    expect(add({ queueing: { policy: 'perInstance', pick: 'roundRobin' } })).toThrow(
      /p\.json: queueing\.pick: must be one of "leastLoaded", "random"/,
    );
  });
});

describe('billing per instance in a platform model', () => {
  it('is per call unless given', () => {
    expect(config({}).billing.per ?? 'call').toBe('call');
    expect(config({ billing: { per: 'instance', granularity: '100ms' } }).billing).toMatchObject({
      per: 'instance',
      granularity: 100,
    });
  });

  it('refuses an unknown unit with the field path', () => {
    expect(add({ billing: { per: 'instances' } })).toThrow(
      /p\.json: billing\.per: must be one of "call", "instance" \(got "instances"\).*did you mean "instance"/,
    );
  });
});
