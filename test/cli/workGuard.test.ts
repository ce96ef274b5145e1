import { describe, expect, it } from 'vitest';
import { checkWork } from '../../src/cli/workGuard.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { InputError } from '../../src/node/inputError.ts';

const prepare = (graph: unknown, perSecond = 1) =>
  prepareExperiment(
    {
      name: 'guard',
      description: 'work guard',
      client: 'same-region',
      duration: '1h',
      replications: 1,
      workload: { constant: { perSecond } },
      graph,
    },
    { models: presetRegistry(), file: 'x.json' },
  );

const refusal = (graph: unknown, perSecond?: number) => {
  try {
    checkWork(prepare(graph, perSecond), false);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('work guard: every call at every depth counts', () => {
  it('refuses a steady load on a chain of the deepest length, counting all its calls', () => {
    // 300 roots/s for an hour is 1.08e6 roots; 10,000 calls each is 1.08e10 (above 1e10).
    // Counting depths up to 1,000 only, the old estimate saw 1.08e9 and let it run.
    expect(refusal({ chain: { depth: 10_000 } }, 300)).toMatch(
      /^x\.json: the experiment asks for about 1\.1e\+10 simulated calls/,
    );
    expect(refusal({ chain: { depth: 10_000 } }, 250)).toBe('accepted');
  });

  it('refuses a recursion that multiplies its calls at every depth, with a message and no number', () => {
    const graph = {
      custom: {
        entry: 'fn',
        functions: { fn: { steps: [{ call: 'fn', count: 2, maxDepth: 2000 }] } },
      },
    };
    expect(refusal(graph)).toMatch(
      /^x\.json: the experiment asks for more simulated calls than coldtail can count .*: run with --force/,
    );
  });
});

describe('work guard: a region of many functions', () => {
  const region = (functions: number) =>
    prepareExperiment(
      {
        name: 'guard',
        description: 'work guard',
        duration: '24h',
        replications: 1,
        workload: { population: { functions } },
      },
      { models: presetRegistry(), file: 'r.json' },
    );

  it('refuses an uncapped Azure-like region of a day by its core-hours, under 1e10 calls', () => {
    // 10,000 functions at the uncapped table's mean, 6.3e5 calls a day each: some 6e9 calls, each
    // costing some 2.5 nominal calls (SPLIT_REGION_CALL_COST) among 10,000 functions.
    try {
      checkWork(region(10_000), false);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(
        /^r\.json: the experiment asks for about \d\.\de\+9 simulated calls \(about \d+ core-hours\); above 1e\+10 calls or 3 core-hours coldtail refuses to start/,
      );
      // A population's knob is named: its rates come from a trace, not from a rate of the file.
      expect((e as Error).message).toMatch(
        /or lower the points, replications, duration, or the population's functions or maxPerSecond/,
      );
    }
    expect(() => checkWork(region(10_000), true)).not.toThrow();
    expect(() => checkWork(region(100), false)).not.toThrow();
  });
});
