import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/spec/specError.ts';
import { CYCLE_NAMES_SHOWN } from '../../../src/workload/graph/checkTerminates.ts';
import {
  graphSchema,
  MAX_DEPTH,
  MAX_STEP_CALLS,
  toGraph,
} from '../../../src/workload/graph/graphSpec.ts';

const build = (custom: unknown) => toGraph(graphSchema.parse({ custom }, 'graph'), 'graph');

/** A custom graph of `n` functions in a line: f0 calls f1 ... calls f(n-1); `last` steps for the last. */
function line(n: number, last: unknown[] = []) {
  const functions: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    functions[`f${i}`] = { steps: i < n - 1 ? [{ call: `f${i + 1}` }] : last };
  }
  return { entry: 'f0', functions };
}

describe('custom graph checks on large graphs', () => {
  it('checks a flat graph of 20,000 functions in a line without running out of stack', () => {
    const graph = build(line(20_000));
    expect(Object.keys(graph.steps)).toHaveLength(20_000);
  });

  it('still finds a cycle with no limit at the end of a long line, and names it', () => {
    const error = (() => {
      try {
        build(line(20_000, [{ call: 'f19998' }]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(
      /graph\.custom\.functions\.f19999: the calls f19998 -> f19999 -> f19998 form a cycle with no limit/,
    );
  });

  it('names a long cycle by its first functions and its length, not all of them', () => {
    const message = (custom: unknown) => {
      try {
        build(custom);
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    // A cycle through all 60,000 functions: once a message of 589 KB naming each of them.
    const long = message(line(60_000, [{ call: 'f0' }]));
    expect(long).toBe(
      'graph.custom.functions.f59999: the calls f0 -> f1 -> f2 -> f3 -> f4 -> f5 -> ... (and 59,994 more) -> f0 form a cycle of 60,000 functions with no limit; give one of its steps a "maxDepth"',
    );
    // Up to CYCLE_NAMES_SHOWN functions a cycle is named in full; one more is shortened.
    expect(message(line(CYCLE_NAMES_SHOWN, [{ call: 'f0' }]))).toContain(
      'the calls f0 -> f1 -> f2 -> f3 -> f4 -> f5 -> f0 form a cycle with no limit',
    );
    expect(message(line(CYCLE_NAMES_SHOWN + 1, [{ call: 'f0' }]))).toContain(
      'the calls f0 -> f1 -> f2 -> f3 -> f4 -> f5 -> ... (and 1 more) -> f0 form a cycle of 7 functions with no limit',
    );
  });

  it('accepts a cycle whose steps have a maxDepth, however long the line before it', () => {
    expect(() => build(line(20_000, [{ call: 'f0', maxDepth: MAX_DEPTH }]))).not.toThrow();
  });
});

describe('bounds on a custom step', () => {
  const oneStep = (step: unknown) =>
    build({ entry: 'a', functions: { a: { steps: [step] }, b: {} } });
  const refusal = (step: unknown) => {
    try {
      oneStep(step);
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('refuses a count above the widest fan-out, naming the field', () => {
    expect(refusal({ call: 'b', count: MAX_STEP_CALLS })).toBe('accepted');
    expect(refusal({ call: 'b', count: MAX_STEP_CALLS + 1 })).toMatch(
      /graph\.custom\.functions\.a\.steps\[0\]\.count: must be <= 100000/,
    );
    expect(refusal({ parallel: [{ call: 'b', count: 1e15 }] })).toMatch(
      /graph\.custom\.functions\.a\.steps\[0\]\.parallel\[0\]\.count: must be <= 100000/,
    );
  });

  it('refuses parallel calls that add up to more than a step may send', () => {
    expect(
      refusal({
        parallel: [
          { call: 'b', count: MAX_STEP_CALLS },
          { call: 'b', count: 1 },
        ],
      }),
    ).toMatch(/steps\[0\]\.parallel: sends 100001 calls at once; a step sends at most 100,000/);
  });

  it('refuses a maxDepth deeper than chains and recursion allow', () => {
    expect(refusal({ call: 'a', maxDepth: MAX_DEPTH })).toBe('accepted');
    expect(refusal({ call: 'a', maxDepth: 1e15 })).toMatch(
      /graph\.custom\.functions\.a\.steps\[0\]\.maxDepth: must be <= 10000/,
    );
  });
});
