import type { Distribution } from '../../random/distribution.ts';
import type { Rng } from '../../random/rng.ts';
import type { Instance } from '../instance.ts';
import type { ColdStartModel, ColdStartPool } from './coldStartModel.ts';

/** A snapshot restore (Lambda SnapStart, Firecracker snapshots), resolved. */
export interface SnapshotRestoreConfig {
  /** Restoring from the snapshot once its cache is warm, ms. */
  restore: Distribution;
  /** The function's first `count` restores come from a cold snapshot cache: `restore` instead. */
  firstRestores: { count: number; restore: Distribution } | null;
}

/**
 * A cold start from a snapshot: the phases that prepare the sandbox (placement, sandbox,
 * code load) as before, then a restore of the initialised runtime and function in place of
 * their initialisation. The function's first restores page the snapshot in from slower
 * tiers of its cache: they draw from `firstRestores` (the pool's count of starts says which).
 * One stream for all draws, like the phased model.
 */
export function snapshotRestore(
  before: readonly Distribution[],
  snapshot: SnapshotRestoreConfig,
  rng: Rng,
): ColdStartModel {
  const first = snapshot.firstRestores;
  return {
    name: 'snapshot',
    bootTime(_inst: Instance, pool: ColdStartPool): number {
      let total = 0;
      for (let i = 0; i < before.length; i++) total += before[i].sample(rng);
      const restore =
        first !== null && pool.coldStarts <= first.count ? first.restore : snapshot.restore;
      return total + restore.sample(rng);
    },
  };
}
