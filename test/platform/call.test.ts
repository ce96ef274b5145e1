import { describe, expect, it } from 'vitest';
import { Call, Outcome } from '../../src/platform/call.ts';
import type { FunctionRuntime } from '../../src/platform/functionRuntime.ts';
import type { Instance } from '../../src/platform/instance.ts';

const f = { name: 'f' } as FunctionRuntime;
const g = { name: 'g' } as FunctionRuntime;

describe('Call', () => {
  it('reset leaves a used call in the state of a new one, every field included', () => {
    const used = new Call(f, null, true, 5, 0);
    // Change every own field (a field added later is changed too), and every time.
    for (const key of Object.keys(used) as (keyof Call)[]) {
      const v = used[key];
      const other = typeof v === 'number' ? v + 7 : typeof v === 'boolean' ? !v : { stale: key };
      (used as unknown as Record<string, unknown>)[key] = Array.isArray(v)
        ? v.map((x) => x + 1)
        : other;
    }
    used.outcome = Outcome.TimedOut;
    used.instance = {} as Instance;
    const parent = new Call(g, null, false, 1, 3);
    used.reset(g, parent, false, 42, 9);
    const fresh = new Call(g, parent, false, 42, 9);
    expect(Object.keys(used)).toEqual(Object.keys(fresh));
    expect({ ...used }).toEqual({ ...fresh });
    for (const t of ['start', 'end', 'atPool', 'billed', 'returnDelay', 'execution'] as const) {
      expect(used[t]).toEqual(fresh[t]);
    }
  });

  it('keeps its times apart from every other call', () => {
    const a = new Call(f, null, false, 0, 0);
    const b = new Call(f, null, false, 0, 0);
    a.network = 3;
    a.addStages(a);
    expect(a.network).toBe(6);
    expect(b.network).toBe(0);
  });
});
