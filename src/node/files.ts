import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkNesting } from '../spec/nesting.ts';
import { withFile } from '../spec/specError.ts';
import type { TraceFile } from '../workload/workloadSpec.ts';
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

/** How much of a file one read takes: also the most a trace holds in memory as text at once. */
const CHUNK_BYTES = 1 << 20;

/** JSON files larger than this are refused unless COLDTAIL_MAX_JSON_MB says otherwise. */
export const DEFAULT_MAX_JSON_MB = 64;
export const MAX_JSON_ENV = 'COLDTAIL_MAX_JSON_MB';

/**
 * The size limit for JSON files, in bytes: COLDTAIL_MAX_JSON_MB, or 64 MB. JSON is parsed
 * whole, so its text and its parsed form are both in memory: the limit keeps a file that is
 * not what it seems (a log, a disk image) from taking the machine's memory.
 */
export function maxJsonBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_JSON_ENV];
  if (raw === undefined || raw === '') return DEFAULT_MAX_JSON_MB * 1024 * 1024;
  const mb = Number(raw);
  // Above about 500 MB, V8's longest string is the limit anyway; no test of that here.
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw) || !(mb > 0)) {
    throw new InputError(
      `${MAX_JSON_ENV}: must be a positive number of megabytes (got ${JSON.stringify(raw)})`,
    );
  }
  return Math.floor(mb * 1024 * 1024);
}

/**
 * Opens a file for reading after checking that it is a regular file. A device (/dev/zero,
 * /dev/urandom), a FIFO or a socket has no end, or blocks until something writes to it: read,
 * it fills memory or hangs, so it is refused by name before it is opened.
 */
function openRegular(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    refuseIrregular(path, statSync(path));
    // Non-blocking, so that a FIFO swapped in after the check cannot hang the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw readError(path, e);
  }
  try {
    const st = fstatSync(fd);
    refuseIrregular(path, st);
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw readError(path, e);
  }
}

function refuseIrregular(path: string, st: Stats): void {
  if (st.isDirectory()) throw new InputError(`${path}: is a folder, not a file`);
  if (!st.isFile()) {
    const what = st.isFIFO()
      ? 'a pipe (FIFO)'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
    throw new InputError(
      `${path}: is ${what}, not a regular file (coldtail reads only regular files: save the data to a file first)`,
    );
  }
}

function readError(path: string, e: unknown): unknown {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${path}: file not found`);
  if (code === 'EISDIR') return new InputError(`${path}: is a folder, not a file`);
  return new InputError(`${path}: cannot read (${(e as Error).message})`);
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * The chunks of a regular file as text (UTF-8, invalid bytes as U+FFFD), read one at a time:
 * what the consumer keeps of them is all the memory they take. The file is checked and opened
 * at the call, so a missing file or a device is refused before the first chunk. Reading stops
 * with an error if the file grows past the size it had when opened (someone writes to it).
 */
export function readTextChunks(path: string): Iterable<string> {
  const { fd, size } = openRegular(path);
  return chunksOf(path, fd, size);
}

// `size` 0 is what /proc and similar files report whatever they hold: no growth check then.
function* chunksOf(path: string, fd: number, size: number): Generator<string> {
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (e) {
        throw readError(path, e);
      }
      if (n === 0) break;
      total += n;
      if (size > 0 && total > size) {
        throw new InputError(`${path}: changed while it was read (it grew past ${size} bytes)`);
      }
      const text = decoder.decode(buffer.subarray(0, n), { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a text file whole (UTF-8); a missing or unreadable file, or one that is not a regular
 * file, is the user's input error. `limit` (bytes) refuses larger files before reading them,
 * with `hint` saying how to raise it.
 */
export function readText(path: string, limit = Number.POSITIVE_INFINITY, hint = ''): string {
  const { fd, size } = openRegular(path);
  const tooBig = () =>
    new InputError(
      `${path}: is ${size > limit ? `${megabytes(size)}, ` : ''}more than the limit of ${megabytes(limit)}${hint}`,
    );
  if (size > limit) {
    closeSync(fd);
    throw tooBig();
  }
  let text = '';
  let bytes = 0;
  for (const chunk of chunksOf(path, fd, size)) {
    // UTF-16 units, at most the bytes: a file that reports size 0 (in /proc) still stops.
    bytes += chunk.length;
    if (bytes > limit) throw tooBig();
    text += chunk;
  }
  return text;
}

/**
 * The most JSON text one string can hold: V8 refuses strings past 2^29 - 24 characters, so a
 * larger file cannot be parsed whole whatever the limit says.
 */
export const MAX_JSON_STRING_BYTES = 2 ** 29 - 24;

/**
 * Files coldtail writes and reads back (results.json, shard files) can be much larger than the
 * files people write: a shard of 40 runs with a timeline of 10,800 windows is 180 MB. They are
 * read up to what one string can hold, with `hint` saying how to make them smaller.
 */
export interface OwnFile {
  hint: string;
}

/**
 * Reads and parses a JSON file (a leading byte-order mark is skipped); a syntax error names the
 * file, line and column. Files people write are limited to COLDTAIL_MAX_JSON_MB (default 64);
 * files coldtail wrote (`own`) to what one string can hold.
 */
export function readJson(path: string, own?: OwnFile): unknown {
  const limit = Math.min(own ? MAX_JSON_STRING_BYTES : maxJsonBytes(), MAX_JSON_STRING_BYTES);
  const hint = own
    ? ` (${own.hint})`
    : limit < MAX_JSON_STRING_BYTES
      ? ` for JSON files (raise it with ${MAX_JSON_ENV}=<megabytes>)`
      : ' (the most one JSON file can hold)';
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses as a token.
  const raw = readText(path, limit, hint);
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

/**
 * A trace file named in an experiment, relative to the experiment's folder `base`: checked to
 * be a regular file, then read in chunks as it is parsed. A file outside that folder (after
 * following links) is marked so, and its contents are never quoted in messages.
 */
export function readTrace(base: string, file: string): TraceFile {
  const path = resolve(base, file);
  const chunks = readTextChunks(path);
  let outside = true;
  try {
    const rel = relative(realpathSync(base), realpathSync(path));
    outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  } catch {
    // Cannot tell: treat it as outside, which only hides contents.
  }
  return { chunks, outside };
}
