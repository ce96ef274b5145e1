/**
 * A simulation worker: prepares the experiment it is sent, as `coldtail run`
 * does, then runs the units it is sent one at a time and posts back each
 * one's data. The page never waits on a simulation: it stays responsive,
 * and a stale run is ended by terminating its workers.
 */
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { prepareExperiment } from '../experiments/prepare.ts';
import { replicationToJSON } from '../experiments/replicationData.ts';
import { headerOf, runUnit, type Unit, unitsOf } from '../experiments/runExperiment.ts';
import { presetRegistry } from '../models/registry.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

// The page's code is typed against the DOM; a worker's global scope is this much of it.
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const models = presetRegistry();
let prepared: PreparedExperiment | null = null;
let units: Unit[] = [];

const post = (msg: FromWorker) => scope.postMessage(msg);

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  try {
    if (msg.kind === 'experiment') {
      prepared = prepareExperiment(msg.experiment, { models });
      units = unitsOf(headerOf(prepared));
      post({ kind: 'ready' });
      return;
    }
    if (!prepared) throw new Error('no experiment prepared');
    const t0 = performance.now();
    const data = runUnit(prepared, units[msg.id]);
    post({ kind: 'unit', id: msg.id, data: replicationToJSON(data), ms: performance.now() - t0 });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
