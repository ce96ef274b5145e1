/** The messages between the page and its simulation workers. */
import type { ReplicationDataJSON } from '../experiments/replicationData.ts';

export type ToWorker =
  /** Prepare this experiment; units of it follow. */
  | { kind: 'experiment'; experiment: unknown }
  /** Run one unit (one replication of one point) of the current experiment. */
  | { kind: 'unit'; id: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'unit'; id: number; data: ReplicationDataJSON; ms: number }
  /** The experiment or a unit failed: a run limit, or a setting the library refuses. */
  | { kind: 'error'; message: string };
