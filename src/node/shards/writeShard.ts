import { join } from 'node:path';
import type { PreparedExperiment } from '../../experiments/prepare.ts';
import type { ReplicationData } from '../../experiments/recorder.ts';
import { mergeParts, type PartData, partToJSON } from '../../experiments/regionSplit.ts';
import { replicationToJSON } from '../../experiments/replicationData.ts';
import { headerOf } from '../../experiments/runExperiment.ts';
import { SHARD_FORMAT, type ShardFile } from '../../experiments/shardFileSchema.ts';
import { VERSION } from '../../version.ts';
import { writeFileAtomic } from '../files.ts';
import { experimentFingerprint } from './fingerprint.ts';
import { type Shard, shardFileName } from './shardSlice.ts';

/** Writes shard-K-of-N.json into `dir`, its runs in id order; returns its path. */
export function writeShard(
  dir: string,
  prepared: PreparedExperiment,
  shard: Shard,
  data: Map<number, ReplicationData>,
  /** The shard's blocks of replications split by function, by unit id. */
  parts: Map<number, PartData[]> = new Map(),
): string {
  const header = headerOf(prepared);
  const file: ShardFile = {
    format: SHARD_FORMAT,
    version: VERSION,
    fingerprint: experimentFingerprint(prepared),
    header,
    shard,
    units: [...data.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([id, d]) => ({ id, data: replicationToJSON(d) })),
    // One part per unit: its blocks run here, in block order.
    parts: [...parts.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([id, ps]) => ({ id, part: partToJSON(mergeParts(ps, header.duration)) })),
  };
  const path = join(dir, shardFileName(shard));
  writeFileAtomic(path, JSON.stringify(file));
  return path;
}
