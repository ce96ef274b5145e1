import { prepareExperiment } from '../experiments/prepare.ts';
import type { ReplicationData } from '../experiments/recorder.ts';
import { runReplication } from '../experiments/replication.ts';
import { replicationSeed } from '../experiments/runExperiment.ts';
import { type ModelRegistry, presetRegistry } from '../models/registry.ts';

let registry: ModelRegistry | null = null;

/** The shipped presets, validated once per process. */
function models(): ModelRegistry {
  registry ??= presetRegistry();
  return registry;
}

/**
 * Runs `reps` independent replications of an experiment (one point, no sweep) through the same
 * path as `coldtail run`: validation, resolution, runReplication. Replication r gets the same
 * seed in every experiment of a case, so two experiments compared side by side see the same
 * arrivals (common random numbers) and their per-replication ratios are paired.
 */
export function replicate(
  spec: Record<string, unknown>,
  reps: number,
  seed: number | string,
): ReplicationData[] {
  const prepared = prepareExperiment(
    { description: 'coldtail verify', ...spec },
    { models: models(), file: `verify:${String(spec.name)}` },
  );
  if (prepared.points.length !== 1) throw new Error('verify: an experiment has one point');
  const point = prepared.points[0].resolved;
  return Array.from({ length: reps }, (_, r) => runReplication(point, replicationSeed(seed, r)));
}

/** A seed of its own for each case, so that cases do not share random numbers. */
export function caseSeed(seed: number | string, caseName: string): string {
  return `${seed}/verify/${caseName}`;
}
