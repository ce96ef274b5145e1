/**
 * A custom graph of 60,000 functions (issue 14): reading and checking it, and wiring its world,
 * take seconds, and Ctrl-C must stop them within a second. Both are done in bounded steps with
 * a look at Ctrl-C between them; these tests press Ctrl-C part way through each and check that
 * the run stops there, with the interrupted message, rather than after the whole of it.
 * In-process (test/support/cli.ts): what is tested is where the run looks, not the process.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { experimentSchema } from '../../src/experiments/experimentSpec.ts';
import { prepareExperimentSteps } from '../../src/experiments/prepare.ts';
import { Recorder } from '../../src/experiments/recorder.ts';
import { replicationSteps } from '../../src/experiments/replication.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { BUILD_CHUNK } from '../../src/platform/world.ts';
import { interruptible, run, tempDir } from '../support/cli.ts';

const N = 60_000;

/** f0 calls f1 once per request; f2..f59999 are declared and wired but never called. */
function wideExperiment() {
  const functions: Record<string, unknown> = {};
  for (let i = 0; i < N; i++) functions[`f${i}`] = {};
  functions.f0 = { steps: [{ call: 'f1' }] };
  return {
    name: 'wide',
    description: 'A graph of 60,000 functions',
    duration: '2s',
    warmup: '0s',
    seed: 1,
    replications: 1,
    workload: { poisson: { perSecond: 1 } },
    graph: { custom: { entry: 'f0', functions } },
  };
}

const dir = tempDir('coldtail-large-graph-');
const file = join(dir, 'wide.json');
writeFileSync(file, JSON.stringify(wideExperiment()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Counts the pools wired (the recorder gives each an observer), calling `then` after each. */
function countWired(then: (wired: number) => void = () => {}) {
  const original = Recorder.prototype.observer;
  const counter = { wired: 0 };
  vi.spyOn(Recorder.prototype, 'observer').mockImplementation(function (this: Recorder, ...args) {
    then(++counter.wired);
    return original.apply(this, args);
  });
  return counter;
}

describe('a graph of 60,000 functions', () => {
  it('is prepared in steps and runs to the end, its world built BUILD_CHUNK functions a step', () => {
    const prepare = prepareExperimentSteps(wideExperiment(), { models: presetRegistry() });
    let prepareSteps = 0;
    let r = prepare.next();
    for (; !r.done; r = prepare.next()) prepareSteps++;
    // The nesting check, the schema, the sweep's one point: a yield after each.
    expect(prepareSteps).toBeGreaterThanOrEqual(3);
    const point = r.value.points[0].resolved;
    expect(point.functions).toHaveLength(N);

    let sinceYield = 0;
    let most = 0;
    const counter = countWired(() => sinceYield++);
    const steps = replicationSteps(point, '1');
    let s = steps.next();
    for (; !s.done; s = steps.next()) {
      most = Math.max(most, sinceYield);
      sinceYield = 0;
    }
    expect(counter.wired).toBe(N);
    // The old build wired all 60,000 in one step, seconds without a look at Ctrl-C.
    expect(Math.max(most, sinceYield)).toBeLessThanOrEqual(BUILD_CHUNK);
    expect(s.value.arrivals).toBeGreaterThan(0);
    expect(s.value.completed).toBe(s.value.arrivals);
  });

  it('Ctrl-C while its world is built stops the run there: interrupted, nothing written', async () => {
    const ctl = interruptible();
    const half = N / 2;
    const counter = countWired((wired) => {
      if (wired === half) ctl.interrupt();
    });
    const out = join(dir, 'out-build');
    const r = await run(['run', file, '--out', out, '--threads', '1', '-q'], { interrupts: ctl });
    expect(r.stderr).toBe(
      `coldtail: interrupted; no point was complete; nothing written, ${out}/ left as it was\n`,
    );
    expect(r.code).toBe(130);
    // Seen within the chunk it came in, not after the whole world (and a first chunk of events).
    expect(counter.wired).toBeGreaterThanOrEqual(half);
    expect(counter.wired).toBeLessThan(half + BUILD_CHUNK);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });

  it('Ctrl-C while it is checked stops before the points are resolved', async () => {
    const ctl = interruptible();
    const original = experimentSchema.parse.bind(experimentSchema);
    // Pressed as the schema has been checked: the sweep's point is yet to be resolved.
    vi.spyOn(experimentSchema, 'parse').mockImplementation((...args) => {
      const parsed = original(...args);
      ctl.interrupt();
      return parsed;
    });
    const counter = countWired();
    const resolved = vi.spyOn(presetRegistryPrototype(), 'platform');
    const out = join(dir, 'out-check');
    const r = await run(['run', file, '--out', out, '--threads', '1', '-q'], { interrupts: ctl });
    expect(r.stderr).toBe('coldtail: interrupted before starting; nothing written\n');
    expect(r.code).toBe(130);
    // The old load resolved all 60,000 functions (naming their platform) before it looked.
    expect(resolved).not.toHaveBeenCalled();
    expect(counter.wired).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});

function presetRegistryPrototype() {
  return Object.getPrototypeOf(presetRegistry());
}
