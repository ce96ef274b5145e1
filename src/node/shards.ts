import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { ReplicationData } from '../experiments/recorder.ts';
import {
  type ReplicationDataJSON,
  replicationFromJSON,
  replicationToJSON,
} from '../experiments/replicationData.ts';
import {
  type ExperimentHeader,
  headerOf,
  type Unit,
  unitsOf,
} from '../experiments/runExperiment.ts';
import { VERSION } from '../version.ts';
import { readJson, writeFileAtomic } from './files.ts';
import { InputError } from './inputError.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "K/N" with 1 <= K <= N. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: must be K/N with 1 <= K <= N, e.g. 2/8 (got "${text}")`);
  }
  return { index, count };
}

/** The units of shard K of N: every N-th unit, a deterministic slice that balances points. */
export function shardUnits(units: Unit[], shard: Shard): Unit[] {
  return units.filter((u) => u.id % shard.count === shard.index - 1);
}

interface ShardFile {
  format: 'coldtail-shard/1';
  version: string;
  /** Same experiment, models and seed on every shard, or merging is refused. */
  fingerprint: string;
  header: ExperimentHeader;
  shard: Shard;
  units: { id: number; data: ReplicationDataJSON }[];
}

/** FNV-1a, 2 x 32 bits: enough to tell two different experiments apart. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function experimentFingerprint(prepared: PreparedExperiment): string {
  return fingerprint(
    JSON.stringify({
      version: VERSION,
      header: headerOf(prepared),
      resolved: prepared.points.map((p) => p.resolved),
    }),
  );
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

export function writeShard(
  dir: string,
  prepared: PreparedExperiment,
  shard: Shard,
  data: Map<number, ReplicationData>,
): string {
  const file: ShardFile = {
    format: 'coldtail-shard/1',
    version: VERSION,
    fingerprint: experimentFingerprint(prepared),
    header: headerOf(prepared),
    shard,
    units: [...data.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([id, d]) => ({ id, data: replicationToJSON(d) })),
  };
  const path = join(dir, shardFileName(shard));
  writeFileAtomic(path, JSON.stringify(file));
  return path;
}

/**
 * Reads the shard files in some folders and checks that they belong to one
 * experiment and cover every unit exactly once.
 */
export function readShards(dirs: string[]): {
  header: ExperimentHeader;
  data: Map<number, ReplicationData>;
} {
  const files = dirs.flatMap((d) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      throw new InputError(`${d}: not a folder that can be read`);
    }
    return names.filter((n) => /^shard-\d+-of-\d+\.json$/.test(n)).map((n) => join(d, n));
  });
  if (files.length === 0) throw new InputError(`no shard-K-of-N.json files in ${dirs.join(', ')}`);
  let first: ShardFile | null = null;
  let firstFile = '';
  const data = new Map<number, ReplicationData>();
  for (const f of files.sort()) {
    const s = readJson(f) as ShardFile;
    if (s?.format !== 'coldtail-shard/1') throw new InputError(`${f}: not a coldtail shard file`);
    if (first === null) {
      first = s;
      firstFile = f;
    } else if (s.fingerprint !== first.fingerprint) {
      throw new InputError(
        `${f}: comes from another experiment, seed or coldtail version than ${firstFile} (fingerprints ${s.fingerprint} and ${first.fingerprint})`,
      );
    }
    for (const u of s.units) {
      if (data.has(u.id)) throw new InputError(`${f}: unit ${u.id} is also in another shard file`);
      data.set(u.id, replicationFromJSON(u.data));
    }
  }
  const header = first!.header;
  const missing = unitsOf(header).filter((u) => !data.has(u.id));
  if (missing.length > 0) {
    throw new InputError(
      `the shards cover ${data.size} of ${data.size + missing.length} runs; missing shard ${first!.shard.count > 0 ? `files for ${missing.length} runs (e.g. unit ${missing[0].id}, shard ${(missing[0].id % first!.shard.count) + 1}/${first!.shard.count})` : ''}`,
    );
  }
  return { header, data };
}
