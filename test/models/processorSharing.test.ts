import { describe, expect, it } from 'vitest';
import { toPlatformConfig } from '../../src/models/platformModel.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const valid = { kind: 'platform', name: 'ps', description: 'd', source: ['s'] };

describe('processorSharing in a platform model', () => {
  it('is off unless given; cores default to 1', () => {
    const registry = presetRegistry();
    registry.add(valid, 'a.json');
    registry.add({ ...valid, name: 'ps2', processorSharing: { cpuBoundShare: 0.7 } }, 'b.json');
    const config = (n: string) => toPlatformConfig(registry.platform(n, 'platform').model);
    expect(config('ps').processorSharing).toBeNull();
    expect(config('ps2').processorSharing).toEqual({ cpuBoundShare: 0.7, cores: 1 });
  });

  it('refuses bad values with the field path and the reason', () => {
    const add = (ps: unknown) => () =>
      presetRegistry().add({ ...valid, processorSharing: ps }, 'p.json');
    expect(add({ cpuBoundShare: 0 })).toThrow(
      'p.json: processorSharing.cpuBoundShare: must be > 0',
    );
    expect(add({ cpuBoundShare: 1.5 })).toThrow(
      'p.json: processorSharing.cpuBoundShare: must be <= 1',
    );
    expect(add({ cpuBoundShare: 1, cores: 0 })).toThrow(
      'p.json: processorSharing.cores: must be > 0',
    );
    expect(add({ cpuBoundShare: 1, core: 2 })).toThrow(/processorSharing.*core.*cores/s);
    expect(add({})).toThrow('p.json: processorSharing: missing required field "cpuBoundShare"');
  });
});
