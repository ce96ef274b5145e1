import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { RunLimitError, runReplication } from '../../src/experiments/replication.ts';
import { DEFAULT_LIMITS } from '../../src/experiments/resolve.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { INSIDE_CLIENT, platformModel } from './experimentHelpers.ts';

const registry = presetRegistry();

const prepare = (spec: Record<string, unknown>) =>
  prepareExperiment(
    {
      name: 'calls',
      description: 'calls in flight',
      client: INSIDE_CLIENT,
      replications: 1,
      platform: platformModel({ network: '1ms' }),
      function: { execution: '10ms', timeout: 'forever' },
      ...spec,
    },
    { models: registry, file: 'dir/x.json' },
  );

/** What a run says when it stops, or 'finished'. */
function outcome(spec: Record<string, unknown>): string {
  try {
    runExperiment(prepare(spec));
    return 'finished';
  } catch (e) {
    expect(e).toBeInstanceOf(RunLimitError);
    return (e as Error).message;
  }
}

describe('limits.maxCallsInFlight: every call in flight counts, nested ones included', () => {
  it('stops a deep chain under steady load whose root calls are few, naming the file and the field', () => {
    // One root a second into a chain of 200 whose last function takes 100 s: after a few
    // seconds hundreds of calls wait in each chain, yet only a handful of roots are in flight.
    const spec = {
      duration: '20s',
      graph: { chain: { depth: 200 } },
      functions: { f200: { execution: '100s' } },
      workload: { constant: { perSecond: 1 } },
      limits: { maxCallsInFlight: 1000 },
    };
    expect(outcome(spec)).toMatch(
      /^dir\/x\.json: more than 1000 calls in flight at \d+ ms, calls between functions included \(about 0\.0 GB .*\): raise limits\.maxCallsInFlight to go on/,
    );
    // The same with no limit to speak of runs to the end: 20 roots in flight.
    expect(outcome({ ...spec, limits: { maxCallsInFlight: 1e6 } })).toBe('finished');
  });

  it('stops a fan-out wider than the limit as the root sends it (1 ms network + 10 ms)', () => {
    const point = prepare({
      duration: '10s',
      graph: { fanOut: { width: 50_000 } },
      workload: { constant: { perSecond: 1 } },
      limits: { maxCallsInFlight: 10_000 },
    }).points[0].resolved;
    expect(() => runReplication(point, 's')).toThrow(/more than 10000 calls in flight at 11 ms/);
  });

  it('counts each call until it ends, no longer: a run whose peak is exactly the limit finishes', () => {
    // Each second one root fans out to 100 leaves of 10 ms: 101 calls at the peak, none
    // left a second later. Counting ended calls too would reach 10,100 in 100 s.
    const spec = (maxCallsInFlight: number) => ({
      duration: '100s',
      graph: { fanOut: { width: 100 } },
      workload: { constant: { perSecond: 1 } },
      limits: { maxCallsInFlight },
    });
    expect(outcome(spec(101))).toBe('finished');
    expect(outcome(spec(100))).toMatch(/more than 100 calls in flight/);
  });

  it('has a default of a few million calls, about 1.1 GB', () => {
    expect(DEFAULT_LIMITS.maxCallsInFlight).toBe(2e6);
    expect(
      prepare({ duration: '1s', workload: { poisson: { perSecond: 1 } } }).points[0].resolved.limits
        .maxCallsInFlight,
    ).toBe(2e6);
  });
});

describe('run-limit messages name the experiment file', () => {
  it('limits.maxEvents and limits.maxInFlight', () => {
    expect(
      outcome({
        duration: '10s',
        workload: { poisson: { perSecond: 50 } },
        limits: { maxEvents: 10 },
      }),
    ).toMatch(/^dir\/x\.json: more than 10 events by .*raise limits\.maxEvents/);
    expect(
      outcome({
        duration: '10s',
        function: { execution: '100s', timeout: 'forever' },
        workload: { constant: { perSecond: 50 } },
        limits: { maxInFlight: 10 },
      }),
    ).toMatch(/^dir\/x\.json: more than 10 root calls in flight .*raise limits\.maxInFlight/);
  });
});
