import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from './inputError.ts';

/**
 * Writes a file so that readers never see it half-written: the bytes go to a
 * temporary file in the same folder, which is then renamed over the target
 * (atomic on POSIX file systems). A crash leaves the old file or none.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Reads a text file; a missing or unreadable file is the user's input error. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: file not found`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, not a file`);
    throw new InputError(`${path}: cannot read (${(e as Error).message})`);
  }
}

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    if (at) {
      const pos = Number(at[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      throw new InputError(
        `${path}:${line}:${col}: invalid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`,
      );
    }
    throw new InputError(`${path}: invalid JSON (${message})`);
  }
}
