import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { clientModelSchema } from '../../src/models/clientModel.ts';
import {
  MAX_PRICE,
  platformModelSchema,
  toPlatformConfig,
} from '../../src/models/platformModel.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { SpecError } from '../../src/spec/specError.ts';

describe('model registry', () => {
  it('loads and validates every preset file in models/', () => {
    const registry = presetRegistry();
    for (const kind of ['platforms', 'clients'] as const) {
      for (const f of readdirSync(`models/${kind}`)) {
        const json = JSON.parse(readFileSync(`models/${kind}/${f}`, 'utf8'));
        const map = kind === 'platforms' ? registry.platforms : registry.clients;
        expect(map.get(json.name)?.file, f).toBe(`models/${kind}/${f}`);
        expect(json.name, 'file name = model name').toBe(f.replace(/\.json$/, ''));
        // Parsed on first use (presets are checked lazily): valid, and the model of this file.
        const schema = kind === 'platforms' ? platformModelSchema : clientModelSchema;
        expect(map.get(json.name)?.model, f).toEqual(schema.parse(json));
      }
    }
  });

  it('gives a cluster eviction of idle instances unless the model says otherwise', () => {
    const registry = presetRegistry();
    const model = (cluster: Record<string, unknown>) =>
      registry.add(
        {
          kind: 'platform',
          name: `c${Object.keys(cluster).length}`,
          description: 'd',
          source: ['s'],
          cluster,
        },
        'c.json',
      );
    const config = (name: string) => toPlatformConfig(registry.platform(name, 'platform').model);
    model({ hosts: 2, slotsPerHost: 3 });
    model({ hosts: 2, slotsPerHost: 3, evictIdle: false });
    expect(config('c2').cluster).toEqual({ hosts: 2, slotsPerHost: 3, evictIdle: true });
    expect(config('c3').cluster).toEqual({ hosts: 2, slotsPerHost: 3, evictIdle: false });
  });

  it("refuses a model of a preset's name, unless it is that preset's own file", () => {
    const registry = presetRegistry();
    const preset = JSON.parse(readFileSync('models/platforms/aws-lambda-2019.json', 'utf8'));
    expect(registry.add(preset, 'copy.json').file).toBe('models/platforms/aws-lambda-2019.json');
    expect(() => registry.add({ ...preset, frontEnd: '500ms' }, 'slow.json')).toThrow(
      'slow.json: name: "aws-lambda-2019" is the name of a preset (models/platforms/aws-lambda-2019.json); give this model a name of its own',
    );
    expect(registry.platform('aws-lambda-2019', 'platform').raw.frontEnd).toEqual(preset.frontEnd);
  });

  it('refuses a client that loses every send: no call would ever arrive', () => {
    const client = (probability: number) => ({
      kind: 'client',
      name: `lossy${probability}`,
      description: 'd',
      source: ['s'],
      internet: '5ms',
      loss: { probability, retransmitTimeout: '200ms' },
    });
    expect(() => presetRegistry().add(client(1), 'c.json')).toThrow(
      'c.json: loss.probability: must be < 1 (got 1)',
    );
    expect(presetRegistry().add(client(0.5), 'c.json').model.name).toBe('lossy0.5');
  });

  it('names the file, the field and the reason for a broken model', () => {
    const registry = presetRegistry();
    const broken = {
      kind: 'platform',
      name: 'x',
      description: 'd',
      source: ['s'],
      kaepAlive: '1min',
    };
    expect(() => registry.add(broken, 'mine.json')).toThrow(
      'mine.json: unknown field "kaepAlive"; did you mean "keepAlive"?',
    );
    const { kaepAlive: _, ...valid } = broken;
    expect(() => registry.add({ ...valid, burst: { initial: 0, perSecond: 1 } }, 'b.json')).toThrow(
      new SpecError('burst.initial', 'must be >= 1 (got 0)', 'b.json'),
    );
    expect(() => registry.add({ ...valid, burst: { initial: 0, perSecond: 1 } }, 'b.json')).toThrow(
      'b.json: burst.initial: must be >= 1 (got 0)',
    );
    expect(() => registry.add({ name: 'x' }, 'k.json')).toThrow(
      'k.json: missing required field "kind" ("platform" or "client")',
    );
    expect(() =>
      registry.add(
        { ...valid, cluster: { hosts: 1, slotsPerHost: 2, evictIdle: 'yes' } },
        'c.json',
      ),
    ).toThrow('c.json: cluster.evictIdle:');
    expect(() => registry.platform('aws-lamda-2019', 'platform')).toThrow(
      'platform: unknown platform "aws-lamda-2019"; did you mean "aws-lambda-2019"?',
    );
  });
});

describe('inline models, prices', () => {
  const prepare = (fields: Record<string, unknown>) =>
    prepareExperiment(
      {
        name: 'inline',
        description: 'inline models',
        duration: '1s',
        workload: { poisson: { perSecond: 1 } },
        ...fields,
      },
      { models: presetRegistry(), file: 'x.json' },
    );
  const refusal = (fields: Record<string, unknown>) => {
    try {
      prepare(fields);
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      return (e as Error).message;
    }
    return 'accepted';
  };
  const preset = JSON.parse(readFileSync('models/platforms/aws-lambda-2019.json', 'utf8'));
  const client = JSON.parse(readFileSync('models/clients/us-typical.json', 'utf8'));

  it("refuses an inline platform or client of a preset's name, as a file of that name is refused", () => {
    expect(refusal({ platform: { ...preset, frontEnd: '500ms' } })).toBe(
      'x.json: platform.name: "aws-lambda-2019" is the name of a preset (models/platforms/aws-lambda-2019.json); give this model a name of its own',
    );
    expect(refusal({ functions: { f1: { platform: { ...preset, frontEnd: '500ms' } } } })).toMatch(
      /^x\.json: functions\.f1\.platform\.name: "aws-lambda-2019" is the name of a preset/,
    );
    expect(refusal({ client: { ...client, internet: '500ms' } })).toMatch(
      /^x\.json: client\.name: "us-typical" is the name of a preset \(models\/clients\/us-typical\.json\)/,
    );
    // Under a name of its own it is a model like any other, labelled by that name.
    const own = prepare({ platform: { ...preset, name: 'slow-lambda', frontEnd: '500ms' } });
    expect(own.points[0].resolved.functions[0].platform.name).toBe('slow-lambda');
  });

  it('accepts an inline copy of a preset, which is that preset', () => {
    expect(refusal({ platform: preset, client })).toBe('accepted');
  });

  it('refuses a price whose cost could overflow to Infinity (null in results.json)', () => {
    const priced = (price: Record<string, number>) => ({
      platform: { ...preset, name: 'priced', price: { ...preset.price, ...price } },
    });
    expect(refusal(priced({ perMillionRequests: MAX_PRICE, perGBSecond: MAX_PRICE }))).toBe(
      'accepted',
    );
    expect(refusal(priced({ perMillionRequests: 1e308 }))).toBe(
      'x.json: platform.price.perMillionRequests: must be <= 1000000 (got 1e+308)',
    );
    expect(refusal(priced({ perGBSecond: 1e308 }))).toMatch(
      /^x\.json: platform\.price\.perGBSecond: must be <= 1000000/,
    );
  });
});
