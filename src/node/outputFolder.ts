/**
 * The output folder of a run: checked before anything runs (a long run must
 * not end on "cannot write"), cleared of the previous run's files just before
 * the new ones are written (so a folder never mixes two runs), and a write
 * that fails anyway is told in one line.
 */
import {
  accessSync,
  constants,
  type Dirent,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CHART_NAMES } from '../charts/chartsFor.ts';
import { InputError } from './inputError.ts';
import { OutputError } from './outputError.ts';

/** Plain words for the file-system errors a user can do something about. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way of a folder',
  EEXIST: 'a file is in the way of a folder',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** The reason of a file-system error, in words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return code ?? (e instanceof Error ? e.message : String(e));
}

/**
 * Refuses, as bad input, an output folder that could not take the results:
 * empty, given twice, a file, under a file, or not writable. Nothing is
 * created: the nearest part of the path that exists must be a writable
 * folder, and the rest is made when the results are written.
 */
export function checkOutputFolder(dir: unknown, option?: string): void {
  const name = option ?? 'output folder';
  if (Array.isArray(dir)) throw new InputError(`${name}: given more than once`);
  if (typeof dir !== 'string' || dir.trim() === '')
    throw new InputError(`${name}: must not be empty`);
  const label = option ? `${option} ${dir}` : dir;
  for (let path = dir; ; path = dirname(path)) {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Not there yet (or under a file, which the parent's turn reports): look one level up.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) continue;
      throw new InputError(`${label}: cannot be read (${fsReason(e)})`);
    }
    if (!folder) {
      throw new InputError(
        path === dir ? `${label}: not a folder` : `${label}: ${path} is not a folder`,
      );
    }
    try {
      accessSync(path, constants.W_OK | constants.X_OK);
    } catch (e) {
      throw new InputError(
        path === dir
          ? `${label}: cannot be written (${fsReason(e)})`
          : `${label}: cannot be created in ${path} (${fsReason(e)})`,
      );
    }
    // Writable is not enough (as root everything is): a run never writes into the system.
    const system = systemFolder(dir);
    if (system) {
      throw new InputError(
        `${label}: ${system === resolve(dir) ? 'is' : 'is inside'} ${system}, a system folder; choose a folder of your own`,
      );
    }
    return;
  }
}

/**
 * Folders no run should write into: a file-system root, and the system's own trees. The
 * results' names are fixed (results.json, hdr/...), so a run there could overwrite
 * files that are not coldtail's.
 */
const SYSTEM_TREES = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/proc',
  '/sbin',
  '/sys',
  '/usr',
];
const SYSTEM_FOLDERS = ['/var', '/opt', '/home', '/root', '/srv', '/mnt', '/media', '/run'];

/** The system folder that `dir` is or lies in, or undefined. */
export function systemFolder(dir: string): string | undefined {
  const path = resolve(dir);
  if (dirname(path) === path) return path;
  if (sep !== '/') return undefined;
  if (SYSTEM_FOLDERS.includes(path)) return path;
  return SYSTEM_TREES.find((t) => path === t || path.startsWith(`${t}/`));
}

/** The lock file a run holds in its output folder while it writes there. */
export const LOCK_FILE = '.coldtail.lock';

/**
 * Takes the output folder for this run: creates it if needed and a lock file in it,
 * exclusively (O_EXCL: two runs cannot both succeed, and a link in its place is not
 * followed). A lock left by a process that no longer exists is stale and taken over.
 * Another live run holding it is refused as bad input, naming its pid. Returns the
 * release, which removes the lock and, if the folder was made for this run and is still
 * empty, the folder (an interrupted run that wrote nothing leaves the disk as it was).
 */
export function lockOutputFolder(dir: string, option?: string): () => void {
  const label = option ? `${option} ${dir}` : dir;
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, LOCK_FILE);
  const token = `${process.pid} ${Math.random().toString(36).slice(2)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, token, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    const holder = lockHolder(lock);
    if (holder === undefined) {
      throw new InputError(`${label}: ${LOCK_FILE} is there and is not a lock file; remove it`);
    }
    if (holder !== 'stale') {
      throw new InputError(
        `${label}: another coldtail run (pid ${holder}) is writing to this folder; wait for it to end, or choose another folder`,
      );
    }
    rmSync(lock, { force: true });
  }
  return () => {
    try {
      if (readFileSync(lock, 'utf8') === token) unlinkSync(lock);
    } catch {
      // Already gone: nothing to release.
    }
    if (created) {
      try {
        rmdirSync(dir); // only if empty
      } catch {
        // Not empty: the run wrote its files there.
      }
    }
  };
}

/** The pid holding a lock file, 'stale' if that process is gone (or the file is not a lock). */
function lockHolder(lock: string): number | 'stale' | undefined {
  let text: string;
  try {
    if (!lstatSync(lock).isFile()) return undefined; // a link or folder: refuse, do not touch
    text = readFileSync(lock, 'utf8');
  } catch {
    return 'stale';
  }
  const pid = Number(text.split(' ')[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return 'stale';
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: the process exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : 'stale';
  }
}

/**
 * Makes `path` a folder of its own inside the output folder: a symbolic link there (say a
 * pre-existing hdr -> /elsewhere) is removed, not followed, so that a run never writes
 * outside its folder. The link alone goes; what it pointed to is not touched.
 */
export function ownFolder(path: string): void {
  try {
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(path, { recursive: true });
}

/** writeFileAtomic's temporary files. */
const TEMP_FILE = /^\.[0-9a-f]+\.tmp$/;

export { OutputError };

/** Runs `write`; a file-system error in it becomes an OutputError saying what and `after`. */
export async function writing<T>(after: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { dest?: string };
    if (!(e instanceof Error) || typeof err.syscall !== 'string') throw e;
    // A rename names its target; a temporary file is named by its folder, not its random name.
    const path = err.dest ?? err.path;
    const what = !path ? '' : TEMP_FILE.test(basename(path)) ? ` in ${dirname(path)}` : ` ${path}`;
    throw new OutputError(`cannot write${what}: ${fsReason(e)}; ${after}`);
  }
}

const HDR_FILE = /^point-\d+\.hdr$/;
/** The chart files coldtail writes: a chart's name, a point for per-point charts, 3 formats. */
const CHART_FILE = new RegExp(`^(${CHART_NAMES.join('|')})(-\\d+)?\\.(vl\\.json|svg|png)$`);

/**
 * Removes the files a previous run wrote into `dir`: results.json first (so
 * that if the new run's files fail half way there is no results.json that
 * says they are complete), results.csv, every hdr/point-N.hdr and the charts.
 * Only names coldtail writes are touched; anything else in the folder stays.
 */
export function clearPreviousRun(dir: string): void {
  for (const f of ['results.json', 'results.csv', 'functions.csv']) removeFile(dir, f);
  for (const f of files(join(dir, 'hdr'))) if (HDR_FILE.test(f)) removeFile(join(dir, 'hdr'), f);
  for (const f of files(dir)) if (CHART_FILE.test(f)) removeFile(dir, f);
}

/**
 * The names of the regular files in a folder; none if it is not there, or if it is a link
 * to a folder elsewhere (whose files are not this run's to remove).
 */
function files(dir: string): string[] {
  let entries: Dirent[];
  try {
    if (lstatSync(dir).isSymbolicLink()) return [];
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
  return entries.filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name);
}

function removeFile(dir: string, name: string): void {
  const path = join(dir, name);
  try {
    // A folder of that name is left alone: writing over it then fails with a message.
    if (lstatSync(path).isDirectory()) return;
  } catch {
    return; // not there
  }
  rmSync(path, { force: true });
}
