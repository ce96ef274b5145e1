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
});
