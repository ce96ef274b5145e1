import { parentPort, workerData } from 'node:worker_threads';
import { RunLimitError } from '../experiments/replication.ts';
import { replicationToJSON } from '../experiments/replicationData.ts';
import { headerOf, runUnit, unitsOf } from '../experiments/runExperiment.ts';
import { loadExperiment } from './loadExperiment.ts';
import type { ExperimentSource, WorkerMessage } from './threads.ts';

/**
 * A worker: loads the same experiment as the main thread (from the same
 * files, with the same overrides), then runs the units it is sent, one at
 * a time, and posts back each one's data as JSON.
 */
const source = workerData as ExperimentSource;
const prepared = loadExperiment(source.file, {
  models: source.models,
  maxPoints: source.maxPoints,
  transform: source.overrides ? (raw) => ({ ...(raw as object), ...source.overrides }) : undefined,
});
const units = unitsOf(headerOf(prepared));
const post = (msg: WorkerMessage) => parentPort!.postMessage(msg);
parentPort!.on('message', (id: number) => {
  let data: ReturnType<typeof runUnit>;
  try {
    data = runUnit(prepared, units[id]);
  } catch (e) {
    if (!(e instanceof RunLimitError)) throw e;
    post({ id, limitError: e.message });
    return;
  }
  post({ id, data: replicationToJSON(data) });
});
post({ ready: true });
