import type { Instance } from '../instance.ts';

/** What a cold-start model may read of the pool an instance starts in. */
export interface ColdStartPool {
  /** Instances started so far (this one included), for models whose starts get faster. */
  readonly coldStarts: number;
}

/**
 * How long an instance takes from getting its slot to being ready (placement, sandbox,
 * code load, runtime and function initialisation, or a snapshot restore). It sees the
 * instance and its pool, so a model can depend on state (e.g. a snapshot cache that warms).
 */
export interface ColdStartModel {
  readonly name: string;
  bootTime(inst: Instance, pool: ColdStartPool): number;
}
