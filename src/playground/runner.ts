/**
 * Runs an experiment on simulation workers, progressively: units go out
 * replication by replication (every point's first replication, then every
 * point's second, ...), so that after each round the page has the exact
 * results of the same experiment with fewer replications, a first estimate
 * soon and a better one after each round. The last round's results are the
 * bytes `coldtail run` writes: units are assembled in id order, whatever
 * worker ran them.
 *
 * A new run cancels the one before: its busy workers are terminated (a
 * simulation in a worker cannot be interrupted any faster) and fresh ones
 * started in their place.
 */
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { ReplicationData } from '../experiments/recorder.ts';
import { replicationFromJSON } from '../experiments/replicationData.ts';
import {
  assembleUnits,
  type ExperimentHeader,
  headerOf,
  type RunOutput,
} from '../experiments/runExperiment.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface RunCallbacks {
  /** Results of the first `replications` replications; `final` when they are all there. */
  onResults(output: RunOutput, replications: number, final: boolean, simulationMs: number): void;
  onProgress?(done: number, total: number): void;
  onError(message: string): void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** The results of the first k replications of every point: the experiment run with k replications. */
export function firstReplications(
  header: ExperimentHeader,
  data: Map<number, ReplicationData>,
  k: number,
): RunOutput {
  const sub = new Map<number, ReplicationData>();
  header.points.forEach((_, p) => {
    for (let r = 0; r < k; r++) sub.set(p * k + r, data.get(p * header.replications + r)!);
  });
  return assembleUnits({ ...header, replications: k }, sub);
}

export class Runner {
  private slots: Slot[] = [];
  private run = 0;
  /** Workers started and ended so far (the page shows them to its tests and the bench). */
  readonly stats = { started: 0, terminated: 0 };

  constructor(
    private readonly makeWorker: () => Worker,
    threads: number,
  ) {
    for (let i = 0; i < threads; i++) this.slots.push(this.fresh());
  }

  private fresh(): Slot {
    this.stats.started++;
    return { worker: this.makeWorker(), busy: false };
  }

  /** Stops the current run, if any: its busy workers are replaced. */
  cancel(): void {
    this.run++;
    this.slots = this.slots.map((s) => {
      if (!s.busy) return s;
      s.worker.terminate();
      this.stats.terminated++;
      return this.fresh();
    });
  }

  start(prepared: PreparedExperiment, experiment: unknown, callbacks: RunCallbacks): void {
    this.cancel();
    const run = this.run;
    const header = headerOf(prepared);
    const R = header.replications;
    const P = header.points.length;
    // Replication-major order: every point's replication 0 first.
    const queue: number[] = [];
    for (let r = 0; r < R; r++) for (let p = 0; p < P; p++) queue.push(p * R + r);
    const total = queue.length;
    const data = new Map<number, ReplicationData>();
    const doneInRound = new Array<number>(R).fill(0);
    let rounds = 0;
    let simulationMs = 0;
    const stale = () => run !== this.run;

    const next = (slot: Slot) => {
      const id = queue.shift();
      if (id === undefined) {
        slot.busy = false;
        return;
      }
      slot.busy = true;
      slot.worker.postMessage({ kind: 'unit', id } satisfies ToWorker);
    };

    for (const slot of this.slots) {
      slot.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (stale()) return;
        const msg = e.data;
        if (msg.kind === 'ready') return;
        if (msg.kind === 'error') {
          this.cancel();
          callbacks.onError(msg.message);
          return;
        }
        data.set(msg.id, replicationFromJSON(msg.data));
        simulationMs += msg.ms;
        doneInRound[msg.id % R]++;
        next(slot);
        callbacks.onProgress?.(data.size, total);
        // Rounds complete in order as a rule; a slow unit of an early round holds the later ones back.
        let k = rounds;
        while (k < R && doneInRound[k] === P) k++;
        if (k > rounds) {
          rounds = k;
          const output = k === R ? assembleUnits(header, data) : firstReplications(header, data, k);
          callbacks.onResults(output, k, k === R, simulationMs);
        }
      };
      slot.worker.onerror = (e: ErrorEvent) => {
        if (stale()) return;
        e.preventDefault();
        this.cancel();
        callbacks.onError(e.message || 'the simulation worker failed');
      };
      slot.worker.postMessage({ kind: 'experiment', experiment } satisfies ToWorker);
    }
    for (const slot of this.slots) next(slot);
  }
}
