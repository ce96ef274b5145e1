/**
 * A shard file (`run --shard K/N` writes it, `merge` reads it): the experiment's header, which
 * slice of the runs it holds, and each run's data. Plain data, checked by schema as it is read,
 * so that `merge` walks only what it expects.
 *
 * Format 2 fingerprints the experiment with SHA-256 (format 1 used FNV-1a beside a SHA-256 of
 * the traces); shards of format 1 are refused with a message to run them again. Format 3 slices
 * a region's replications by blocks of functions (regionSplit.ts): the header says how many
 * blocks each point has, and `parts` holds the shard's blocks of each such replication. Format
 * 2 shards, whose slices are whole runs only, are refused too: their header lacks the blocks.
 * Format 4 records a part's integers (histograms, counts) once for all its blocks, in the part's
 * `data`, and keeps only each block's floating-point sums in `blocks` (regionSplit.ts PartData);
 * format 3, a whole record per block, is refused too.
 */
import {
  array,
  boolean,
  count,
  type Infer,
  integer,
  jsonValue,
  literal,
  number,
  object,
  oneOfType,
  optional,
  record,
  refine,
  type SameKeys,
  string,
} from '../spec/schema.ts';
import { chartsSchema } from './chartsSpec.ts';
import { functionTableSchema } from './functionTableSchema.ts';
import { breakdownSchema, replicationDataSchema } from './replicationDataSchema.ts';

const nonNegative = number({ min: 0 });

import type { ExperimentHeader } from './runExperiment.ts';

export const SHARD_FORMAT = 'coldtail-shard/4';

/** Formats written by older versions, refused with a message to run the shards again. */
export const OLD_SHARD_FORMATS = ['coldtail-shard/1', 'coldtail-shard/2', 'coldtail-shard/3'];

/** More shards than this is a typo: each shard is a process to start. */
export const MAX_SHARDS = 1_000_000;

/** ExperimentHeader: what every shard of one run shares, and what the results are made from. */
export const headerSchema = object({
  name: string({ minLength: 1 }),
  title: string(),
  description: string(),
  seed: oneOfType({ string: string({ minLength: 1 }), number: integer({ min: 0 }) }),
  // As many as an experiment file may ask for.
  replications: integer({ min: 1, max: 10_000 }),
  duration: number({ exclusiveMin: 0 }),
  warmup: number({ min: 0 }),
  axes: array(
    object({
      path: string(),
      name: string(),
      values: array(jsonValue()),
      names: optional(array(string())),
    }),
  ),
  points: array(
    object({
      index: count(),
      params: record(oneOfType({ string: string(), number: number(), boolean: boolean() })),
      label: string(),
      at: array(count()),
    }),
  ),
  charts: optional(chartsSchema),
  blocks: optional(array(integer({ min: 1 }))),
});

/** Some blocks of one replication of a region split by function (regionSplit.ts PartData). */
const partSchema = object({
  blocks: array(
    object({
      block: count(),
      breakdown: breakdownSchema,
      mserSums: array(nonNegative),
      instances: object({ mean: nonNegative, gbSeconds: nonNegative, idleGbSeconds: nonNegative }),
      cost: object({ gbSeconds: nonNegative, usd: nonNegative, warmerUsd: nonNegative }),
      functions: optional(functionTableSchema),
    }),
  ),
  data: replicationDataSchema,
  mserCounts: array(count()),
  levels: array(count()),
});

export const shardFileSchema = object({
  format: literal(SHARD_FORMAT),
  version: string(),
  /** Same experiment, models, traces, seed and version on every shard, or merging is refused. */
  fingerprint: string({ pattern: /^[0-9a-f]{64}$/, patternHint: 'a SHA-256 in hex' }),
  header: headerSchema,
  shard: refine(
    object({ index: integer({ min: 1 }), count: integer({ min: 1, max: MAX_SHARDS }) }),
    (s) =>
      s.index <= s.count || { path: 'index', reason: `must be at most the count (${s.count})` },
  ),
  units: array(object({ id: count(), data: replicationDataSchema })),
  /** Replications split by function: this shard's blocks of each. */
  parts: array(object({ id: count(), part: partSchema })),
});

export type ShardFile = Infer<typeof shardFileSchema>;

const _sameFields: SameKeys<ExperimentHeader, Infer<typeof headerSchema>> = true;
const _header: ExperimentHeader = {} as Infer<typeof headerSchema>;
void [_sameFields, _header];
