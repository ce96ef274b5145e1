/**
 * Reading shard files for `merge`: each checked by its schema (src/experiments/
 * shardFileSchema.ts) as it is read, then together: one run of one experiment, split one way,
 * every run exactly once, and runs that recorded the same things (warmers, timelines).
 */
import type { ReplicationData } from '../../experiments/recorder.ts';
import { MSER_WINDOWS } from '../../experiments/recorder.ts';
import {
  combineBlocks,
  LEVEL_SAMPLES,
  type PartData,
  partData,
  partFromJSON,
} from '../../experiments/regionSplit.ts';
import { replicationFromJSON, replicationToJSON } from '../../experiments/replicationData.ts';
import { type ExperimentHeader, workItems } from '../../experiments/runExperiment.ts';
import {
  OLD_SHARD_FORMATS,
  SHARD_FORMAT,
  type ShardFile,
  shardFileSchema,
} from '../../experiments/shardFileSchema.ts';
import { SpecError, withFile } from '../../spec/specError.ts';
import { readJson } from '../files.ts';
import { InputError } from '../inputError.ts';
import { findShardFiles } from './findShardFiles.ts';

/** Reads one shard file and checks it against the schema; errors name the file and the field. */
export function readShardFile(f: string): ShardFile {
  const json = readJson(f, {
    hint: 'split the run into more shards, or record its timeline with a wider window',
  });
  const format =
    typeof json === 'object' && json !== null
      ? (json as Record<string, unknown>).format
      : undefined;
  if (typeof format !== 'string' || !format.startsWith('coldtail-shard/')) {
    throw new InputError(`${f}: not a coldtail shard file (no "format": "${SHARD_FORMAT}")`);
  }
  if (OLD_SHARD_FORMATS.includes(format)) {
    throw new SpecError(
      'format',
      `"${format}" was written by an older coldtail, whose shards this version cannot merge: run the shards again with this version`,
      f,
    );
  }
  if (format !== SHARD_FORMAT) {
    throw new SpecError('format', `"${format}" is not one this version reads (${SHARD_FORMAT})`, f);
  }
  try {
    return shardFileSchema.parse(json);
  } catch (e) {
    throw withFile(e, f);
  }
}

/**
 * Reads shard files (or the shard files in folders) and checks that they
 * belong to one run of one experiment, split one way, and cover every unit
 * exactly once. Returns the files too, for messages about their contents.
 */
export function readShards(paths: string[]): {
  header: ExperimentHeader;
  data: Map<number, ReplicationData>;
  files: string[];
} {
  const files = findShardFiles(paths);
  if (files.length === 0) throw new InputError(`no shard-K-of-N.json files in ${paths.join(', ')}`);
  const data = new Map<number, ReplicationData>();
  // Blocks of replications split by function, by unit id, as the shards hold them.
  const parts = new Map<number, PartData[]>();
  // The file of each shard index read so far.
  const seen = new Map<number, string>();
  let first: ShardFile | null = null;
  let firstFile = '';
  const recorded = new Recorded();
  for (const f of files) {
    const s = readShardFile(f);
    const { index, count } = s.shard;
    if (first === null) {
      first = s;
      firstFile = f;
    } else if (s.fingerprint !== first.fingerprint) {
      throw new InputError(
        `${f}: comes from another experiment, models, trace files, seed or coldtail version than ${firstFile} (fingerprints ${s.fingerprint.slice(0, 16)}... and ${first.fingerprint.slice(0, 16)}...)`,
      );
    } else if (count !== first.shard.count) {
      throw new InputError(
        `${f}: the shards split the runs differently: this is shard ${index}/${count}, ${firstFile} is shard ${first.shard.index}/${first.shard.count} (merge the shards of one --shard K/N split)`,
      );
    } else if (JSON.stringify(s.header) !== JSON.stringify(first.header)) {
      throw new InputError(`${f}: header: differs from that of ${firstFile}`);
    }
    const again = seen.get(index);
    if (again !== undefined)
      throw new InputError(`${f}: shard ${index}/${count} again (also ${again})`);
    seen.set(index, f);
    addUnits(f, s, data, parts, recorded);
  }
  const header = first!.header;
  const count = first!.shard.count;
  // A replication split by function is whole once every block is in.
  for (const [id, ps] of parts) {
    const point = Math.floor(id / header.replications);
    const blocks = header.blocks![point];
    if (ps.reduce((n, p) => n + p.blocks.length, 0) === blocks) {
      data.set(id, combineBlocks(ps, blocks, header.duration));
    }
  }
  const total = header.points.length * header.replications;
  // Runs split by function come whole only once every shard's blocks are in: "0 of 8 runs"
  // alone would read as if the shards held nothing, so the blocks held are counted too.
  let blocksAll = 0;
  let blocksHeld = 0;
  header.points.forEach((_, point) => {
    const b = header.blocks?.[point] ?? 1;
    if (b > 1) blocksAll += b * header.replications;
  });
  for (const [id, ps] of parts) {
    blocksHeld += data.has(id)
      ? header.blocks![Math.floor(id / header.replications)]
      : ps.reduce((n, p) => n + p.blocks.length, 0);
  }
  const cover =
    `the shards cover ${data.size} of ${total} runs` +
    (blocksAll > 0
      ? ` (${blocksHeld} of the ${blocksAll} blocks of the runs split by function)`
      : '');
  if (data.size < total) {
    const items = workItems(header);
    // Shards past the number of work items hold none: they are never missing.
    const missing: string[] = [];
    for (let k = 1; k <= Math.min(count, items.length) && missing.length <= 10; k++) {
      if (!seen.has(k)) missing.push(missing.length < 10 ? `${k}/${count}` : '...');
    }
    if (missing.length > 0) {
      throw new InputError(`${cover}; missing shard ${missing.join(', ')}`);
    }
    // Every shard is there, yet a run is not: a shard file lost some of its units or blocks.
    let id = 0;
    while (data.has(id)) id++;
    const i = items.findIndex(
      (item) =>
        item.unit.id === id &&
        (item.block === undefined ||
          !(parts.get(id) ?? []).some((p) => p.blocks.some((b) => b.block === item.block))),
    );
    const k = (i % count) + 1;
    const what =
      items[i].block === undefined ? `run ${id}` : `block ${items[i].block} of run ${id}`;
    throw new InputError(
      `${seen.get(k)}: ${items[i].block === undefined ? 'units' : 'parts'}: ${what} of shard ${k}/${count} is missing (${cover})`,
    );
  }
  return { header, data, files };
}

/**
 * What the first run read recorded besides the calls: every run of one experiment records the
 * same (warmers or none, a timeline of the same windows or none), which merging relies on.
 */
class Recorded {
  private first: { warmers: boolean; timeline: string } | null = null;
  private where = '';

  check(f: string, at: string, d: ShardFile['units'][number]['data']): void {
    const series = d.timeline?.series;
    const mine = {
      warmers: d.warmers !== null,
      timeline: series ? `${series.windows} windows of ${series.widthMs} ms` : 'none',
    };
    if (this.first === null) {
      this.first = mine;
      this.where = `${f}: ${at}`;
      return;
    }
    if (mine.warmers !== this.first.warmers) {
      const [here, there] = mine.warmers
        ? ['has warmers', 'has none']
        : ['has none', 'has warmers'];
      throw new InputError(
        `${f}: ${at}.warmers: this run ${here}, ${this.where} ${there} (runs of one experiment record the same)`,
      );
    }
    if (mine.timeline !== this.first.timeline) {
      throw new InputError(
        `${f}: ${at}.timeline: ${mine.timeline}, but ${this.where} has ${this.first.timeline}`,
      );
    }
  }
}

/** Adds a shard's units to `data` and its blocks of split runs to `parts`, each checked to belong to the shard. */
function addUnits(
  f: string,
  s: ShardFile,
  data: Map<number, ReplicationData>,
  parts: Map<number, PartData[]>,
  recorded: Recorded,
): void {
  const { index, count } = s.shard;
  const total = s.header.points.length * s.header.replications;
  const items = workItems(s.header);
  // Each work item's place, by unit id and block: the shard it belongs to.
  const place = new Map<string, number>();
  items.forEach((item, i) => {
    place.set(`${item.unit.id}/${item.block ?? ''}`, i);
  });
  const mine = (key: string) => {
    const i = place.get(key);
    return i !== undefined && i % count === index - 1;
  };
  s.units.forEach((u, i) => {
    const at = `units[${i}]`;
    const fail = (reason: string) => new SpecError(`${at}.id`, reason, f);
    if (u.id >= total) throw fail(`run ${u.id} is beyond the experiment's ${total} runs`);
    if (!mine(`${u.id}/`)) throw fail(`run ${u.id} is not in shard ${index}/${count}`);
    if (data.has(u.id)) throw fail(`run ${u.id} is listed twice`);
    recorded.check(f, `${at}.data`, u.data);
    // The schema checked all that Histogram.fromJSON does: an error here is coldtail's own.
    data.set(u.id, replicationFromJSON(u.data));
  });
  s.parts.forEach((p, i) => {
    const at = `parts[${i}]`;
    const fail = (field: string, reason: string) => new SpecError(`${at}.${field}`, reason, f);
    if (p.id >= total) throw fail('id', `run ${p.id} is beyond the experiment's ${total} runs`);
    const point = Math.floor(p.id / s.header.replications);
    const blocks = s.header.blocks?.[point] ?? 1;
    if (blocks === 1) throw fail('id', `run ${p.id} is not split by function (header.blocks)`);
    const have = parts.get(p.id) ?? [];
    p.part.blocks.forEach((b, j) => {
      if (b.block >= blocks) {
        throw fail(`part.blocks[${j}].block`, `is ${b.block}; run ${p.id} has ${blocks} blocks`);
      }
      if (!mine(`${p.id}/${b.block}`)) {
        throw fail(
          `part.blocks[${j}].block`,
          `block ${b.block} of run ${p.id} is not in shard ${index}/${count}`,
        );
      }
      if (have.some((q) => q.blocks.some((x) => x.block === b.block))) {
        throw fail(`part.blocks[${j}].block`, `block ${b.block} of run ${p.id} is listed twice`);
      }
      if (b.mserSums.length !== MSER_WINDOWS) {
        throw fail(
          `part.blocks[${j}].mserSums`,
          `holds ${b.mserSums.length} numbers, not ${MSER_WINDOWS}`,
        );
      }
    });
    const sizes: [string, number[], number][] = [
      ['mserCounts', p.part.mserCounts, MSER_WINDOWS],
      ['levels', p.part.levels, LEVEL_SAMPLES],
    ];
    for (const [name, values, n] of sizes) {
      if (values.length !== n)
        throw fail(`part.${name}`, `holds ${values.length} numbers, not ${n}`);
    }
    if (p.part.blocks.length === 0) throw fail('part.blocks', 'holds no block');
    recorded.check(f, `${at}.part.data`, p.part.data);
    const part = partFromJSON(p.part);
    // The part's data holds its blocks' sums added (see PartData): they must agree, or one of
    // them was changed.
    const again = replicationToJSON(
      partData(part.blocks, part.data, part.mserCounts, part.levels, s.header.duration),
    ) as unknown as Record<string, unknown>;
    const given = p.part.data as unknown as Record<string, unknown>;
    for (const key of Object.keys(again)) {
      if (canonical(again[key]) !== canonical(given[key])) {
        throw fail(
          `part.data.${key}`,
          `is not what the part's blocks and counts add up to (${JSON.stringify(again[key]).slice(0, 60)})`,
        );
      }
    }
    have.push(part);
    parts.set(p.id, have);
  });
}

/** JSON with every object's keys sorted: the same for equal values however their keys were ordered. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
