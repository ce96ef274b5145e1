import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/experiments/replication.ts';
import {
  replicationFromJSON,
  replicationToJSON,
} from '../../../src/experiments/replicationData.ts';
import { replicationDataSchema } from '../../../src/experiments/replicationDataSchema.ts';
import { resultsSchema } from '../../../src/experiments/resultsSchema.ts';
import { runExperiment } from '../../../src/experiments/runExperiment.ts';
import { platformModel, prepare } from '../../experiments/experimentHelpers.ts';

const spec = {
  seed: 'client-data',
  duration: '30s',
  warmup: '2s',
  replications: 2,
  platform: platformModel({ maxConcurrency: 3, coldStart: { sandbox: '100ms' } }),
  function: { execution: { exponential: { mean: 50 } } },
  workload: { poisson: { perSecond: 80 } },
  caller: {
    timeout: '150ms',
    failure: 0.1,
    retry: { attempts: 3, backoff: { base: '20ms' } },
    hedge: { after: { percentile: 80 }, cancel: true },
  },
};

describe("a caller's data", () => {
  it('is the same for the same seed, and crosses a thread or shard boundary intact', () => {
    const point = prepare(spec).points[0].resolved;
    const a = runReplication(point, 'r1');
    const b = runReplication(point, 'r1');
    expect(JSON.stringify(replicationToJSON(a))).toBe(JSON.stringify(replicationToJSON(b)));
    const json = JSON.parse(JSON.stringify(replicationToJSON(a)));
    const back = replicationFromJSON(replicationDataSchema.parse(json));
    expect(back.client).toEqual(a.client);
    // Every way a request ends occurs here, and they add up.
    const c = a.client!;
    expect(c.clientTimedOut).toBeGreaterThan(0);
    expect(c.failed).toBeGreaterThan(0);
    expect(a.throttled).toBeGreaterThan(0);
    expect(c.hedges).toBeGreaterThan(0);
    expect(c.requests).toBe(a.completed + a.throttled + a.timedOut + c.clientTimedOut + c.failed);
  });

  it('a replication whose counts do not add up is refused, naming the field', () => {
    const point = prepare(spec).points[0].resolved;
    const json = JSON.parse(JSON.stringify(replicationToJSON(runReplication(point, 'r1'))));
    json.client.requests += 1;
    expect(() => replicationDataSchema.parse(json)).toThrow(/client\.requests/);
  });

  it('results with a caller pass the results schema; results without one have no client fields', () => {
    const withCaller = runExperiment(prepare(spec)).results;
    expect(() => resultsSchema.parse(JSON.parse(JSON.stringify(withCaller)))).not.toThrow();
    const p = withCaller.points[0];
    expect(p.client!.requests).toBe(p.calls.arrivals - p.calls.inFlight);
    const { caller: _, ...plain } = spec;
    const without = runExperiment(prepare(plain)).results.points[0];
    expect(without.client).toBeUndefined();
    expect('clientTimedOut' in without.calls).toBe(false);
    expect('failed' in without.calls).toBe(false);
  });
});
