/**
 * How a run's units become worker tasks (tasksOf): a replication of an uncoupled region is one
 * task per block of functions, the blocks with the most expected calls first, so that the
 * threads end together.
 */
import { describe, expect, it } from 'vitest';
import { expectedBlockCalls, splitPlan } from '../../src/experiments/regionSplit.ts';
import { headerOf, unitsOf } from '../../src/experiments/runExperiment.ts';
import { tasksOf } from '../../src/node/threads.ts';
import { platformModel, prepare } from '../experiments/experimentHelpers.ts';

const prepared = prepare({
  duration: '1h',
  replications: 2,
  seed: 5,
  platform: platformModel({ keepAlive: '10min' }),
  // 1,100 functions: five blocks of 256 (the last of 76) after block 0, the graph's.
  workload: { population: { functions: 1100, maxPerSecond: 2.5 } },
});
const point = prepared.points[0].resolved;
const plan = splitPlan(point);
if (plan.kind !== 'blocks') throw new Error('expected a split plan');
const calls = expectedBlockCalls(point, plan.blocks);
const units = unitsOf(headerOf(prepared));

describe('tasksOf', () => {
  it('expects each block the calls of its functions, none for block 0 (the graph)', () => {
    expect(plan.blocks.map((b) => b.length)).toEqual([1, 256, 256, 256, 256, 76]);
    expect(calls[0]).toBe(0);
    for (const c of calls.slice(1)) expect(c).toBeGreaterThan(0);
    // The blocks' functions are drawn alike: their expected calls differ, so the order below
    // is a choice, not block order by chance.
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('makes a task per block of each replication, the most expected calls first', () => {
    const tasks = tasksOf(prepared, units);
    expect(tasks).toHaveLength(units.length * plan.blocks.length);
    for (const u of units) {
      const mine = tasks.filter((t) => t.id === u.id).map((t) => t.blocks!);
      for (const b of mine) expect(b).toHaveLength(1);
      const order = mine.map((b) => b[0]);
      expect([...order].sort((a, b) => a - b)).toEqual(plan.blocks.map((_, b) => b));
      const expected = plan.blocks.map((_, b) => b).sort((a, b) => calls[b] - calls[a] || a - b);
      expect(order).toEqual(expected);
      expect(order).not.toEqual(plan.blocks.map((_, b) => b));
    }
  });

  it("keeps to a shard's blocks", () => {
    const only = new Map([[units[1].id, [4, 0, 2]]]);
    const tasks = tasksOf(prepared, [units[1]], only);
    const order = tasks.map((t) => t.blocks![0]);
    expect([...order].sort()).toEqual([0, 2, 4]);
    expect(order).toEqual([2, 4, 0].sort((a, b) => calls[b] - calls[a] || a - b));
  });
});
