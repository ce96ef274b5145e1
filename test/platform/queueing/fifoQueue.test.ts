import { describe, expect, it } from 'vitest';
import { Call } from '../../../src/platform/call.ts';
import type { FunctionRuntime } from '../../../src/platform/functionRuntime.ts';
import { FifoQueue } from '../../../src/platform/queueing/index.ts';

const f = { name: 'f' } as FunctionRuntime;
const queued = (tag: number): Call => {
  const c = new Call(f, null, false, 0, tag);
  c.queued = true;
  return c;
};

describe('FifoQueue', () => {
  it('hands calls out oldest first across growth of its ring', () => {
    const q = new FifoQueue();
    const tags: number[] = [];
    // Interleave so that the ring wraps before it grows.
    for (let i = 0; i < 50; i++) q.push(queued(i));
    for (let i = 0; i < 30; i++) tags.push(q.shift().tag);
    for (let i = 50; i < 200; i++) q.push(queued(i));
    while (q.live > 0) tags.push(q.shift().tag);
    expect(tags).toEqual([...Array(200).keys()]);
  });

  it('skips calls that gave up, and does not count them', () => {
    const q = new FifoQueue();
    const calls = [0, 1, 2, 3].map(queued);
    for (const c of calls) q.push(c);
    calls[0].queued = false;
    q.dropped();
    calls[2].queued = false;
    q.dropped();
    expect(q.live).toBe(2);
    expect(q.shift().tag).toBe(1);
    expect(q.shift().tag).toBe(3);
    expect(q.live).toBe(0);
  });
});
