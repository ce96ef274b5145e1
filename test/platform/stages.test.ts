import { describe, expect, it } from 'vitest';
import { Call, STAGE_TABLE, STAGES, stageSum } from '../../src/platform/call.ts';
import type { FunctionRuntime } from '../../src/platform/functionRuntime.ts';

const f = { name: 'f' } as FunctionRuntime;

describe('the stage table', () => {
  it('gives every stage an accessor over its own slot, in table order', () => {
    const call = new Call(f, null, false, 0, 0);
    STAGES.forEach((name, k) => {
      call[name] = 10 ** k;
    });
    STAGES.forEach((name, k) => {
      expect(call[name]).toBe(10 ** k);
      expect(call.stageTime(k)).toBe(10 ** k);
    });
    // Distinct slots: the sum has one digit per stage.
    expect(stageSum(call)).toBe(Number('1'.repeat(STAGES.length)));
    // And none of them overlaps the call's own times.
    expect(call.start).toBe(0);
    expect(call.end).toBeNaN();
    expect(call.onInstance).toBeNaN();
  });

  it("adds a child's stages slot by slot", () => {
    const parent = new Call(f, null, false, 0, 0);
    const child = new Call(f, parent, false, 0, 0);
    STAGES.forEach((name, k) => {
      parent[name] = k;
      child[name] = 100 * k;
    });
    parent.addStages(child);
    STAGES.forEach((name, k) => {
      expect(parent[name]).toBe(101 * k);
    });
  });

  it('lists each stage once, with what it holds', () => {
    expect(new Set(STAGES).size).toBe(STAGE_TABLE.length);
    for (const s of STAGE_TABLE) expect(s.about.length).toBeGreaterThan(0);
  });
});
