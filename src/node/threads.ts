import { Worker } from 'node:worker_threads';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { ReplicationData } from '../experiments/recorder.ts';
import { RunLimitError } from '../experiments/replication.ts';
import { type ReplicationDataJSON, replicationFromJSON } from '../experiments/replicationData.ts';
import { type Unit, unitSteps } from '../experiments/runExperiment.ts';

/** How a worker finds the experiment: the same file and overrides as the main thread. */
export interface ExperimentSource {
  file: string;
  models?: string[];
  maxPoints?: number;
  /** Top-level fields set over the file's (e.g. seed, replications). */
  overrides?: Record<string, unknown>;
}

/** What a worker posts: ready, a unit's data, or the message of a run limit it broke. */
export interface WorkerMessage {
  ready?: boolean;
  id?: number;
  data?: ReplicationDataJSON;
  limitError?: string;
}

export interface PoolRunOptions {
  threads: number;
  onUnit?: (unit: Unit, done: number, total: number) => void;
  shouldStop?: () => boolean;
}

/**
 * Runs units on worker threads (or on this thread when `threads` is 1) and
 * returns their data by unit id; the caller assembles in id order, so the
 * bytes out do not depend on the number of threads. Stopping ends the
 * workers at once and returns what was complete.
 */
export async function runUnitsOnThreads(
  prepared: PreparedExperiment,
  source: ExperimentSource,
  units: Unit[],
  options: PoolRunOptions,
): Promise<{ data: Map<number, ReplicationData>; stopped: boolean }> {
  const data = new Map<number, ReplicationData>();
  const threads = Math.max(1, Math.min(options.threads, units.length));
  if (threads === 1) {
    for (const unit of units) {
      // Step through the unit, letting the event loop in between chunks of events, so that
      // Ctrl-C is seen within a fraction of a second rather than at the end of the unit.
      const steps = unitSteps(prepared, unit);
      for (;;) {
        if (options.shouldStop?.()) return { data, stopped: true };
        const step = steps.next();
        if (step.done) {
          data.set(unit.id, step.value);
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      options.onUnit?.(unit, data.size, units.length);
    }
    return { data, stopped: false };
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  let next = 0;
  let stopped = false;
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve();
    };
    const stopTimer = setInterval(() => {
      if (options.shouldStop?.()) {
        stopped = true;
        clearInterval(stopTimer);
        finish();
      }
    }, 50);
    const feed = (w: Worker) => {
      if (stopped) return;
      if (next < units.length) {
        w.postMessage(units[next++].id);
      } else {
        live--;
        if (live === 0) {
          clearInterval(stopTimer);
          finish();
        }
      }
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: source });
      workers.push(w);
      live++;
      w.on('message', (msg: WorkerMessage) => {
        if (msg.limitError !== undefined) {
          // A run limit is the input's fault (exit 2): errors thrown in a worker lose their class.
          clearInterval(stopTimer);
          for (const x of workers) void x.terminate();
          reject(new RunLimitError(msg.limitError));
          return;
        }
        if (msg.id !== undefined && msg.data) {
          data.set(msg.id, replicationFromJSON(msg.data));
          options.onUnit?.(byId.get(msg.id)!, data.size, units.length);
        }
        feed(w);
      });
      w.on('error', (e) => {
        clearInterval(stopTimer);
        for (const x of workers) void x.terminate();
        reject(e);
      });
    }
  });
  return { data, stopped };
}
