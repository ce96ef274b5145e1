import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkNesting } from '../spec/nesting.ts';
import { withFile } from '../spec/specError.ts';
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

/**
 * Reads and parses a JSON file (a leading byte-order mark is skipped); a syntax error names the
 * file, line and column.
 */
export function readJson(path: string): unknown {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses as a token.
  const raw = readText(path);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const { reason, pos } = jsonSyntaxError((e as Error).message, text);
    if (pos >= 0) {
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      throw new InputError(`${path}:${line}:${col}: invalid JSON (${reason})`);
    }
    throw new InputError(`${path}: invalid JSON (${reason})`);
  }
  // Before anything walks it: a hostile nesting must get a message, not a stack overflow.
  try {
    checkNesting(json);
  } catch (e) {
    throw withFile(e, path);
  }
  return json;
}

/**
 * The reason and offset of a JSON.parse error. Node 20 words "unexpected token" errors with a
 * quote of the text instead of a position ('Unexpected token '}', ..." "a": }, "b""... is not
 * valid JSON', the quote spanning 10 characters either side of the token, with raw newlines):
 * the offset is recovered from where the quote lies in the text, and the quote is dropped so
 * that the message stays on one line. -1: unknown.
 */
function jsonSyntaxError(message: string, text: string): { reason: string; pos: number } {
  const at = /(?: in JSON)? at position (\d+)/.exec(message);
  if (at) return { reason: message.slice(0, at.index).trim(), pos: Number(at[1]) };
  const quoted = /^(Unexpected token '.+?'), (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s.exec(
    message,
  );
  if (!quoted) return { reason: message.replace(/\s+/g, ' '), pos: -1 };
  const [, reason, before, quote, after] = quoted;
  const start = text.indexOf(quote);
  let pos = -1;
  if (start >= 0 && text.indexOf(quote, start + 1) < 0) {
    if (before) pos = start + 10;
    else if (after) pos = start + quote.length - 10;
  }
  return { reason, pos };
}
