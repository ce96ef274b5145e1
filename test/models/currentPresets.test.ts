import { describe, expect, it } from 'vitest';
import { toPlatformConfig } from '../../src/models/platformModel.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const CURRENT = [
  'aws-lambda',
  'aws-lambda-java',
  'aws-lambda-java-snapstart',
  'cloud-run',
  'knative',
  'knative-direct',
  'azure-functions-flex',
];
const registry = presetRegistry();
const model = (name: string) => registry.platform(name, 'platform').model;

describe('current platform presets', () => {
  it('mark every source M, C, D or NOT FOUND', () => {
    for (const name of CURRENT) {
      for (const source of model(name).source) {
        expect(source, `${name}: ${source}`).toMatch(/\((M|C|D)\b|NOT FOUND/);
      }
    }
  });

  it('Lambda today: 1 ms billing, 1,000 starts per function then 100 per second, up to 10,240 MB', () => {
    const c = toPlatformConfig(model('aws-lambda'));
    expect(c.billing.granularity).toBe(1);
    expect(c.burst).toEqual({ initial: 1000, perSecond: 100, whenEmpty: 'throttle' });
    expect(c.limitScope).toBe('function');
    expect(c.memory).toMatchObject({ maxMB: 10240, stepMB: 1, oneVcpuAtMB: 1769 });
  });

  it('SnapStart differs from its baseline only in the snapshot', () => {
    const { snapshot, name, description, source, ...snap } = model('aws-lambda-java-snapstart');
    const base = model('aws-lambda-java');
    expect(snapshot).toBeDefined();
    expect(base.snapshot).toBeUndefined();
    const rest = Object.fromEntries(
      Object.entries(base).filter(([k]) => !['name', 'description', 'source'].includes(k)),
    );
    expect(snap).toEqual(rest);
    expect([name, description, source.length > 0]).toEqual([
      'aws-lambda-java-snapstart',
      description,
      true,
    ]);
  });

  it('Cloud Run and Knative scale with the KPA; Cloud Run at 80 per instance and 60 %', () => {
    expect(toPlatformConfig(model('cloud-run')).scaling).toMatchObject({
      policy: 'kpa',
      target: 80,
      utilisation: 0.6,
    });
    expect(toPlatformConfig(model('knative')).scaling).toMatchObject({
      policy: 'kpa',
      target: 100,
      utilisation: 0.7,
    });
  });

  it('where calls wait: one queue per revision on Cloud Run and Knative, per pod on knative-direct', () => {
    expect(toPlatformConfig(model('cloud-run')).queueing).toEqual({ policy: 'perFunction' });
    expect(toPlatformConfig(model('knative')).queueing).toEqual({ policy: 'perFunction' });
    expect(toPlatformConfig(model('knative-direct')).queueing).toEqual({
      policy: 'perInstance',
      pick: 'leastLoaded',
    });
    // knative-direct differs from knative only where calls wait.
    const {
      queueing: _a,
      name: _b,
      description: _c,
      source: _d,
      ...direct
    } = model('knative-direct');
    const { queueing: _e, name: _f, description: _g, source: _h, ...knative } = model('knative');
    expect(direct).toEqual(knative);
  });

  it('billing: Cloud Run and Azure Flex bill an instance while it serves, Lambda each call', () => {
    expect(toPlatformConfig(model('cloud-run')).billing).toMatchObject({
      per: 'instance',
      granularity: 100,
    });
    expect(toPlatformConfig(model('azure-functions-flex')).billing).toMatchObject({
      per: 'instance',
      granularity: 100,
      minimum: 1000,
    });
    expect(toPlatformConfig(model('aws-lambda')).billing.per).toBe('call');
  });
});
