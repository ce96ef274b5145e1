/** Shards: `run --shard K/N` writes a slice of the runs, `merge` reads the slices back. */
export { findShardFiles } from './findShardFiles.ts';
export { experimentFingerprint } from './fingerprint.ts';
export { readShardFile, readShards } from './readShards.ts';
export { parseShard, type Shard, shardFileName, shardUnits, shardWork } from './shardSlice.ts';
export { writeShard } from './writeShard.ts';
