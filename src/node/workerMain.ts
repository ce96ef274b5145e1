import { parentPort, workerData } from 'node:worker_threads';
import { replicationToJSON } from '../experiments/replicationData.ts';
import { headerOf, runUnit, unitsOf } from '../experiments/runExperiment.ts';
import { loadExperiment } from './loadExperiment.ts';
import type { ExperimentSource } from './threads.ts';

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
parentPort!.on('message', (id: number) => {
  const data = runUnit(prepared, units[id]);
  parentPort!.postMessage({ id, data: replicationToJSON(data) });
});
parentPort!.postMessage({ ready: true });
