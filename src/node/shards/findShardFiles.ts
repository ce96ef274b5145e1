import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../inputError.ts';

const SHARD_FILE = /^shard-\d+-of-\d+\.json$/;

/** Shard files: those given, and the shard-K-of-N.json files of the folders given (each once). */
export function findShardFiles(paths: string[]): string[] {
  const files = new Map<string, string>();
  for (const p of paths) {
    let names: string[] | null;
    try {
      names = statSync(p).isDirectory() ? readdirSync(p) : null;
    } catch {
      throw new InputError(`${p}: no such shard file or folder, or it cannot be read`);
    }
    const found = names ? names.filter((n) => SHARD_FILE.test(n)).map((n) => join(p, n)) : [p];
    for (const f of found) if (!files.has(resolve(f))) files.set(resolve(f), f);
  }
  return [...files.values()].sort();
}
