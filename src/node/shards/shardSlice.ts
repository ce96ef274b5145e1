/** Which runs a shard holds: `--shard K/N` parsed, and the runs of slice K. */

import type { Unit, WorkItem } from '../../experiments/runExperiment.ts';
import { MAX_SHARDS } from '../../experiments/shardFileSchema.ts';
import { InputError } from '../inputError.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "K/N" with 1 <= K <= N <= MAX_SHARDS. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,16})\/(\d{1,16})$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: must be K/N with 1 <= K <= N, e.g. 2/8 (got "${text}")`);
  }
  if (count > MAX_SHARDS) {
    throw new InputError(
      `--shard: at most ${MAX_SHARDS.toLocaleString('en-US')} shards (got ${text.trim()})`,
    );
  }
  return { index, count };
}

/** The units of shard K of N: every N-th unit, a deterministic slice that balances points. */
export function shardUnits(units: Unit[], shard: Shard): Unit[] {
  return units.filter((u) => u.id % shard.count === shard.index - 1);
}

/**
 * The work of shard K of N when replications split by function (format 3): every N-th work item
 * (a whole unit, or one block of a split unit); the units it touches, and for split ones the
 * blocks it holds.
 */
export function shardWork(
  items: WorkItem[],
  shard: Shard,
): { units: Unit[]; only: Map<number, number[]> } {
  const units: Unit[] = [];
  const only = new Map<number, number[]>();
  items.forEach((item, i) => {
    if (i % shard.count !== shard.index - 1) return;
    const { unit, block } = item;
    if (block === undefined) {
      units.push(unit);
      return;
    }
    const blocks = only.get(unit.id);
    if (blocks) blocks.push(block);
    else {
      only.set(unit.id, [block]);
      units.push(unit);
    }
  });
  return { units, only };
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}
