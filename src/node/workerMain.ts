import { parentPort, workerData } from 'node:worker_threads';
import { partToJSON } from '../experiments/regionSplit.ts';
import { RunLimitError } from '../experiments/replication.ts';
import { replicationToJSON } from '../experiments/replicationData.ts';
import {
  headerOf,
  runUnit,
  unitPartSteps,
  unitsOf,
  unitTogetherSteps,
} from '../experiments/runExperiment.ts';
import { loadExperiment } from './loadExperiment.ts';
import { applyOverrides } from './overrides.ts';
import type { ExperimentSource, WorkerMessage, WorkerTask } from './threads.ts';

/**
 * A worker: prepares the same experiment as the main thread from what the main thread
 * read (the parsed files and traces, handed over; the disk is not read again), then runs
 * the units it is sent, one at a time, and posts back each one's data as JSON.
 */
const source = workerData as ExperimentSource;
const prepared = loadExperiment(source.file, {
  models: source.models,
  maxPoints: source.maxPoints,
  transform: (raw) => applyOverrides(raw, source.overrides),
  inputs: { ...source.inputs, replay: true },
});
const units = unitsOf(headerOf(prepared));
const post = (msg: WorkerMessage) => parentPort!.postMessage(msg);
parentPort!.on('message', ({ id, blocks, together }: WorkerTask) => {
  let data: ReturnType<typeof runUnit>;
  try {
    if (together) {
      const steps = unitTogetherSteps(prepared, units[id]);
      for (;;) {
        const r = steps.next();
        if (r.done) {
          post({ id, data: replicationToJSON(r.value) });
          return;
        }
      }
    }
    if (blocks !== undefined) {
      const steps = unitPartSteps(prepared, units[id], blocks);
      for (;;) {
        const r = steps.next();
        if (r.done) {
          post({ id, part: partToJSON(r.value) });
          return;
        }
      }
    }
    data = runUnit(prepared, units[id]);
  } catch (e) {
    if (!(e instanceof RunLimitError)) throw e;
    post({ id, limitError: e.message });
    return;
  }
  post({ id, data: replicationToJSON(data) });
});
post({ ready: true });
