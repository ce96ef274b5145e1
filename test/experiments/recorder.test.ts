import { describe, expect, it } from 'vitest';
import { Recorder, TAG_ROOT } from '../../src/experiments/recorder.ts';
import { Histogram } from '../../src/metrics/histogram.ts';
import { Call, Outcome, STAGES } from '../../src/platform/call.ts';
import type { FunctionRuntime } from '../../src/platform/functionRuntime.ts';
import { stageSum } from '../../src/platform/invoker.ts';
import { createStream } from '../../src/random/streams.ts';

const fn = {} as FunctionRuntime;

/** A completed root call with random stages that add up to its latency. */
function completedCall(rng: () => number, start: number): Call {
  const call = new Call(fn, null, true, start, TAG_ROOT);
  call.internet = 10 * rng();
  call.gateway = 5 * rng();
  call.network = rng();
  call.frontEnd = 20 * rng();
  call.queue = rng() < 0.1 ? 50 * rng() : 0;
  call.coldStart = rng() < 0.05 ? 800 * rng() : 0;
  call.execution = 1000 * rng();
  call.outcome = Outcome.Completed;
  call.end = start + stageSum(call);
  return call;
}

describe('Recorder', () => {
  // More calls than one batch of pending values holds, so that histograms are filled
  // several times, and read in the middle of a batch.
  const CALLS = 2_500;

  it('gives the same histograms as recording each call as it ends, whenever they are read', () => {
    const rng = createStream(7, 'recorder');
    const recorder = new Recorder(0, 1e12, 'f', null);
    const endToEnd = new Histogram();
    const stages = STAGES.map(() => new Histogram());
    for (let i = 0; i < CALLS; i++) {
      const call = completedCall(rng, i);
      recorder.sent(call);
      recorder.ended(call);
      endToEnd.record(call.end - call.start);
      for (const [k, s] of STAGES.entries()) stages[k].record(call[s]);
      if (i === 700) expect(recorder.endToEnd.count).toBe(701);
    }
    expect(JSON.stringify(recorder.endToEnd.toJSON())).toBe(JSON.stringify(endToEnd.toJSON()));
    STAGES.forEach((_, k) => {
      expect(JSON.stringify(recorder.stages[k].toJSON())).toBe(JSON.stringify(stages[k].toJSON()));
    });
    expect(recorder.completed).toBe(CALLS);
  });

  it('counts calls by their start: those that start in the window, however late they answer', () => {
    const rng = createStream(8, 'recorder');
    const recorder = new Recorder(100, 2_000, 'f', null);
    let inWindow = 0;
    for (let i = 0; i < CALLS; i++) {
      const call = completedCall(rng, i);
      recorder.sent(call);
      recorder.ended(call);
      if (call.start >= 100 && call.start < 2_000) inWindow++;
    }
    expect(inWindow).toBe(1_900);
    expect(recorder.arrivals).toBe(1_900);
    expect(recorder.endToEnd.count).toBe(inWindow);
    for (const h of recorder.stages) expect(h.count).toBe(inWindow);
  });

  it('keeps each block its own float sums, the same bytes as a recorder of that block alone', () => {
    // Three functions in blocks 0, 1, 1: the blocks' calls interleave in one recorder.
    const fns = [0, 1, 2].map((index) => ({ index, name: `f${index}`, memoryMB: 128 }));
    const blockOf = [0, 1, 1];
    const shared = new Recorder(100, 2_000, 'f0', null, 2);
    const alone = [0, 1].map(() => new Recorder(100, 2_000, 'f0', null));
    const levels = fns.map((f, i) => shared.observer(f as FunctionRuntime, blockOf[i]));
    const levelsAlone = fns.map((f, i) => alone[blockOf[i]].observer(f as FunctionRuntime));
    const rng = createStream(9, 'recorder');
    for (let i = 0; i < CALLS; i++) {
      const f = i % 3;
      const call = completedCall(rng, i);
      call.fn = fns[f] as FunctionRuntime;
      shared.sent(call);
      shared.ended(call);
      alone[blockOf[f]].sent(call);
      alone[blockOf[f]].ended(call);
      const n = Math.floor(rng() * 4);
      levels[f].observer.levels(levels[f].at, i, 0, n, 3 - n);
      levelsAlone[f].observer.levels(levelsAlone[f].at, i, 0, n, 3 - n);
    }
    for (const k of [0, 1]) {
      expect(Array.from(shared.breakdownOf(k))).toEqual(Array.from(alone[k].breakdownOf(0)));
      expect(Array.from(shared.mserSumsOf(k))).toEqual(Array.from(alone[k].mserSumsOf(0)));
      expect(shared.instances(2_000, k)).toEqual({
        ...alone[k].instances(2_000),
        // The peak is of all blocks together.
        max: shared.instances(2_000, k).max,
      });
    }
    // Integers once for all: each block's calls added.
    expect(shared.completed).toBe(alone[0].completed + alone[1].completed);
    const both = new Histogram();
    both.add(alone[0].endToEnd);
    both.add(alone[1].endToEnd);
    expect(JSON.stringify(shared.endToEnd.toJSON())).toBe(JSON.stringify(both.toJSON()));
    expect(Array.from(shared.mserCounts)).toEqual(
      Array.from(alone[0].mserCounts, (c, w) => c + alone[1].mserCounts[w]),
    );
  });
});
