import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/spec/specError.ts';
import { prepare } from './experimentHelpers.ts';

/** Prepares an experiment that must be refused; returns the SpecError. */
function refused(spec: Record<string, unknown>): SpecError {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, ...spec });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('the experiment was accepted');
}

function expectRefused(spec: Record<string, unknown>, path: string, reason: string): void {
  const e = refused(spec);
  expect({ path: e.path, reason: e.reason }).toEqual({ path, reason });
  expect(e.message).toBe(`experiment: ${path}: ${reason}`);
}

const custom = (entry: string, functions: Record<string, unknown>) => ({
  graph: { custom: { entry, functions } },
});

describe('graphs that cannot run are refused before anything runs', () => {
  it('a cycle with no maxDepth, naming the cycle and where it closes', () => {
    expectRefused(
      custom('a', {
        a: { steps: [{ call: 'b' }] },
        b: { steps: [{ call: 'c' }] },
        c: { steps: [{ call: 'a' }] },
      }),
      'graph.custom.functions.c',
      'the calls a -> b -> c -> a form a cycle with no limit; give one of its steps a "maxDepth"',
    );
    // A probability alone ends a recursion only almost surely (and a sweep may set it to 1).
    expectRefused(
      custom('a', { a: { steps: [{ call: 'a', probability: 0.5 }] } }),
      'graph.custom.functions.a',
      'the calls a -> a form a cycle with no limit; give one of its steps a "maxDepth"',
    );
    // A fire-and-forget cycle is a cycle too.
    expectRefused(
      custom('a', { a: { steps: [{ call: 'b', async: true }] }, b: { steps: [{ call: 'a' }] } }),
      'graph.custom.functions.b',
      'the calls a -> b -> a form a cycle with no limit; give one of its steps a "maxDepth"',
    );
  });

  it('accepts the same cycles once a step on them has a maxDepth', () => {
    prepare({
      duration: '1min',
      workload: { poisson: { perSecond: 1 } },
      ...custom('a', {
        a: { steps: [{ call: 'b' }] },
        b: { steps: [{ call: 'c' }] },
        c: { steps: [{ call: 'a', maxDepth: 9 }] },
      }),
    });
  });

  it('a fan-in of more answers than calls', () => {
    expectRefused(
      { graph: { fanOut: { width: 3, waitFor: 5 } } },
      'graph.fanOut.waitFor',
      'cannot wait for 5 answers of 3 calls',
    );
    expectRefused(
      custom('a', {
        a: { steps: [{ parallel: [{ call: 'b' }, { call: 'b', count: 2 }], waitFor: 4 }] },
        b: {},
      }),
      'graph.custom.functions.a.steps[0].waitFor',
      'cannot wait for 4 answers of 3 calls',
    );
  });

  it('an unknown function, with a did-you-mean', () => {
    expectRefused(
      custom('api', { api: { steps: [{ call: 'lsit' }] }, list: {} }),
      'graph.custom.functions.api.steps[0]',
      'calls unknown function "lsit"; did you mean "list"?',
    );
    expectRefused(
      custom('apy', { api: { steps: [{ call: 'list' }] }, list: {} }),
      'graph.custom.entry',
      'unknown function "apy"; did you mean "api"?',
    );
    // Nothing close: the known names instead.
    expectRefused(
      custom('api', {
        api: { steps: [{ parallel: [{ call: 'list' }, { call: 'zzz' }] }] },
        list: {},
      }),
      'graph.custom.functions.api.steps[0]',
      'calls unknown function "zzz" (functions: api, list)',
    );
    expectRefused(
      { graph: { chain: { depth: 3 } }, functions: { f4: { execution: '1ms' } } },
      'functions.f4',
      'the graph has no function "f4"; did you mean "f1"?',
    );
    expectRefused(
      { graph: { fanOut: { width: 3 } }, functions: { lef: { execution: '1ms' } } },
      'functions.lef',
      'the graph has no function "lef"; did you mean "leaf"?',
    );
  });
});

describe('workloads that make no sense are refused', () => {
  it('a negative rate', () => {
    expectRefused(
      { workload: { poisson: { perSecond: -1 } } },
      'workload.poisson.perSecond',
      'must be >= 0 (got -1)',
    );
    expectRefused(
      { workload: [{ poisson: { perSecond: 1 } }, { constant: { perSecond: -2 } }] },
      'workload[1].constant.perSecond',
      'must be > 0 (got -2)',
    );
    expectRefused(
      { workload: { burst: { base: -5, peak: 100, at: '10s', duration: '1s' } } },
      'workload.burst.base',
      'must be >= 0 (got -5)',
    );
  });

  it('a trace that cannot be read here', () => {
    expectRefused(
      { workload: { trace: { file: 'x.csv', format: 'azure' } } },
      'workload[0].trace.file',
      'trace files cannot be read here',
    );
  });

  it('warmers for a function the graph does not have', () => {
    const warmers = (functions: unknown) => ({
      graph: { chain: { depth: 2 } },
      warmers: { period: '1min', functions },
    });
    expectRefused(
      warmers(['f1', 'f3']),
      'warmers.functions[1]',
      'the graph has no function "f3"; did you mean "f1"?',
    );
    expectRefused(
      warmers(['api']),
      'warmers.functions[0]',
      'the graph has no function "api" (it has f1, f2)',
    );
    expect(refused(warmers('some')).path).toBe('warmers.functions');
    expect(refused(warmers([])).path).toBe('warmers.functions');
  });

  it('a sweep of a field that belongs to the whole experiment', () => {
    expectRefused(
      { sweep: { seed: [1, 2] } },
      'sweep["seed"]',
      'cannot be swept: every point uses the same seeds (common random numbers); run again with --seed',
    );
    for (const field of ['replications', 'name', 'charts']) {
      expect(refused({ sweep: { [field]: [1, 2] } }).path).toBe(`sweep["${field}"]`);
    }
    // A point's own fields still sweep.
    expect(
      prepare({
        duration: '1min',
        workload: { poisson: { perSecond: 1 } },
        sweep: { duration: ['1min', '2min'] },
      }).points,
    ).toHaveLength(2);
  });

  it('a numeric seed beyond 2^53 - 1, which has already lost digits', () => {
    expectRefused(
      { seed: 2 ** 53 },
      'seed',
      'must be at most 9007199254740991 (write a larger seed as a string)',
    );
  });
});
