import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runReplication } from '../../src/experiments/replication.ts';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import { replicationDataSchema } from '../../src/experiments/replicationDataSchema.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { SpecError } from '../../src/spec/specError.ts';

/** Runs that start instances as often as a run can: short keep-alives, calls that give up, clusters. */
const COLD_HEAVY: [string, Record<string, unknown>][] = [
  ['keep-alive of 10 ms', { platformOverrides: { keepAlive: '10ms' } }],
  [
    'calls that give up while their instance starts',
    { platformOverrides: { keepAlive: '10ms', maxQueueWait: '5ms' } },
  ],
  ['4 calls per instance', { platformOverrides: { keepAlive: '10ms', concurrencyPerInstance: 4 } }],
  [
    'a small cluster, starts waiting for a slot',
    {
      platformOverrides: {
        keepAlive: '10ms',
        cluster: { hosts: 1, slotsPerHost: 6, evictIdle: false },
      },
    },
  ],
  [
    'fire-and-forget calls between functions',
    {
      platformOverrides: { keepAlive: '10ms' },
      graph: {
        custom: {
          entry: 'a',
          functions: { a: { steps: [{ call: 'b', count: 20, async: true }] }, b: {} },
        },
      },
    },
  ],
  [
    'warmers every second',
    { platformOverrides: { keepAlive: '10ms' }, warmers: { period: 1000, instances: 5 } },
  ],
];

function replication(fields: Record<string, unknown>) {
  const prepared = prepareExperiment(
    {
      name: 'cold-heavy',
      description: 'cold-heavy',
      duration: '30s',
      warmup: '5s',
      seed: 7,
      workload: { poisson: { perSecond: 20 } },
      function: { execution: { exponential: { mean: '200ms' } } },
      ...fields,
    },
    { models: presetRegistry(), file: 'cold-heavy.json' },
  );
  return replicationToJSON(runReplication(prepared.points[0].resolved, '1'));
}

function refusal(json: unknown): string {
  try {
    replicationDataSchema.parse(json, 'data');
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as Error).message;
  }
  return 'accepted';
}

describe('cold starts are bounded by what a run could start', () => {
  it.each(COLD_HEAVY)('a real run with %s is accepted: no more starts than events', (_, fields) => {
    const data = replication(fields);
    expect(data.coldStarts).toBeGreaterThan(0);
    expect(data.coldStarts).toBeLessThanOrEqual(data.events);
    expect(refusal(data)).toBe('accepted');
  });

  it('refuses more cold starts than the run had events (a tampered shard: 1e9 starts, 298 arrivals)', () => {
    const data = replication(COLD_HEAVY[0][1]);
    expect(refusal({ ...data, coldStarts: data.events })).toBe('accepted');
    expect(refusal({ ...data, coldStarts: data.events + 1 })).toBe(
      `data.coldStarts: is ${data.events + 1}, more than the ${data.events} events of the run (each instance start answers a call's arrival, an event of its own)`,
    );
    expect(refusal({ ...data, coldStarts: 1e9 })).toMatch(
      /^data\.coldStarts: is 1000000000, more than/,
    );
  });
});
