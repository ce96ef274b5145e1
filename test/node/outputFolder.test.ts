/**
 * The output folder: refused before a run when it could not take the results, cleared of
 * the previous run's files when new ones are written, write failures as one-line errors,
 * and charts that stop between two charts on Ctrl-C.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../src/experiments/runExperiment.ts';
import { Histogram } from '../../src/metrics/histogram.ts';
import { drawCharts } from '../../src/node/drawCharts.ts';
import { InputError } from '../../src/node/inputError.ts';
import {
  checkOutputFolder,
  clearPreviousRun,
  LOCK_FILE,
  lockOutputFolder,
  OutputError,
  systemFolder,
  writing,
} from '../../src/node/outputFolder.ts';
import { writeOutputs } from '../../src/node/writeOutputs.ts';
import { chainDepthSweep } from '../charts/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'coldtail-outfolder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d);
  return d;
};

/** The message of the InputError that `f` throws. */
function inputError(f: () => void): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('no error thrown');
}

const isRoot = process.getuid?.() === 0;

describe('checkOutputFolder', () => {
  it('refuses an empty folder name, or one given twice', () => {
    expect(inputError(() => checkOutputFolder('', '--out'))).toBe('--out: must not be empty');
    expect(inputError(() => checkOutputFolder('  ', '--out'))).toBe('--out: must not be empty');
    expect(inputError(() => checkOutputFolder(['a', 'b'], '--out'))).toBe(
      '--out: given more than once',
    );
  });

  it('refuses a file, or a folder under a file', () => {
    const file = join(fresh(), 'file');
    writeFileSync(file, 'x');
    expect(inputError(() => checkOutputFolder(file, '--out'))).toBe(`--out ${file}: not a folder`);
    expect(inputError(() => checkOutputFolder(join(file, 'a', 'b'), '--out'))).toBe(
      `--out ${join(file, 'a', 'b')}: ${file} is not a folder`,
    );
    // Without an option (the default output folder), the path alone.
    expect(inputError(() => checkOutputFolder(file))).toBe(`${file}: not a folder`);
  });

  it('accepts a folder that is there or can be made, and creates nothing', () => {
    const d = fresh();
    expect(() => checkOutputFolder(d, '--out')).not.toThrow();
    expect(() => checkOutputFolder(join(d, 'a', 'b'), '--out')).not.toThrow();
    expect(readdirSync(d)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'refuses a folder that cannot be written (/proc/1, even as root)',
    () => {
      expect(inputError(() => checkOutputFolder('/proc/1/out', '--out'))).toBe(
        '--out /proc/1/out: cannot be created in /proc/1 (permission denied)',
      );
      expect(inputError(() => checkOutputFolder('/proc/1', '--out'))).toBe(
        '--out /proc/1: cannot be written (permission denied)',
      );
    },
  );

  it.skipIf(isRoot)('refuses a folder without write permission', () => {
    const d = fresh();
    chmodSync(d, 0o555);
    try {
      expect(inputError(() => checkOutputFolder(d, '--out'))).toBe(
        `--out ${d}: cannot be written (permission denied)`,
      );
    } finally {
      chmodSync(d, 0o755);
    }
  });
});

/** Results of `points` points of the chain-depth fixture, with a small histogram each. */
function runOutput(points: number): RunOutput {
  const results = chainDepthSweep();
  results.points = results.points.slice(0, points);
  const histograms = results.points.map(() => {
    const h = new Histogram();
    for (let v = 1; v <= 100; v++) h.record(v);
    return h;
  });
  return { results, histograms };
}

describe('writeOutputs over a previous run', () => {
  it("removes the old run's hdr files and charts, and nothing else", () => {
    const d = fresh();
    writeOutputs(d, runOutput(3));
    for (const f of ['percentileCurves', 'burstTimeline-2']) {
      for (const ext of ['.vl.json', '.svg', '.png']) writeFileSync(join(d, f + ext), 'old');
    }
    writeFileSync(join(d, 'notes.txt'), 'mine');
    writeFileSync(join(d, 'hdr', 'mine.hdr'), 'mine');
    writeFileSync(join(d, 'shard-1-of-2.json'), '{}');
    expect(readdirSync(join(d, 'hdr')).sort()).toEqual([
      'mine.hdr',
      'point-0.hdr',
      'point-1.hdr',
      'point-2.hdr',
    ]);
    writeOutputs(d, runOutput(1));
    expect(readdirSync(join(d, 'hdr')).sort()).toEqual(['mine.hdr', 'point-0.hdr']);
    expect(readdirSync(d).sort()).toEqual([
      'hdr',
      'notes.txt',
      'results.csv',
      'results.json',
      'shard-1-of-2.json',
    ]);
  });

  it('clearPreviousRun leaves a folder of a results name alone, and a missing folder is fine', () => {
    const d = fresh();
    mkdirSync(join(d, 'results.json'));
    clearPreviousRun(d);
    expect(existsSync(join(d, 'results.json'))).toBe(true);
    expect(() => clearPreviousRun(join(d, 'missing'))).not.toThrow();
  });

  it('clearPreviousRun does not follow an hdr/ that links to a folder elsewhere', () => {
    const d = fresh();
    const elsewhere = fresh();
    writeFileSync(join(elsewhere, 'point-0.hdr'), 'not this run');
    symlinkSync(elsewhere, join(d, 'hdr'));
    clearPreviousRun(d);
    expect(existsSync(join(elsewhere, 'point-0.hdr'))).toBe(true);
  });
});

describe('writing', () => {
  it('turns a file-system error into an OutputError naming the file and the reason', async () => {
    const d = fresh();
    writeFileSync(join(d, 'hdr'), 'a file where a folder goes');
    const failed = writing('no results.json written', () => writeOutputs(d, runOutput(1)));
    await expect(failed).rejects.toBeInstanceOf(OutputError);
    await expect(failed).rejects.toThrow(
      `cannot write ${join(d, 'hdr')}: a file is in the way of a folder; no results.json written`,
    );
    expect(existsSync(join(d, 'results.json'))).toBe(false);
  });

  it('passes other errors through', async () => {
    const bug = new TypeError('a bug');
    await expect(
      writing('x', () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});

describe('drawCharts', () => {
  it('stops between two charts when asked, each chart drawn whole', async () => {
    const d = fresh();
    let asked = 0;
    const charts = await drawCharts(d, chainDepthSweep(), {}, () => ++asked > 1);
    expect(charts).toHaveLength(1);
    const name = charts[0].name;
    expect(readdirSync(d).sort()).toEqual([`${name}.png`, `${name}.svg`, `${name}.vl.json`]);
  });
});

describe('system folders', () => {
  it('a root, a system tree or a folder in it; not a folder of ones own', () => {
    expect(systemFolder('/')).toBe('/');
    expect(systemFolder('/usr')).toBe('/usr');
    expect(systemFolder('/usr/local/lib')).toBe('/usr');
    expect(systemFolder('/etc/../etc/x')).toBe('/etc');
    expect(systemFolder('/home')).toBe('/home');
    expect(systemFolder('/home/someone/out')).toBeUndefined();
    expect(systemFolder('/tmp/out')).toBeUndefined();
    expect(systemFolder('/usrlocal')).toBeUndefined();
    expect(() => checkOutputFolder('/', '--out')).toThrow(
      '--out /: is /, a system folder; choose a folder of your own',
    );
  });
});

describe('the lock of an output folder', () => {
  it('is exclusive, names its holder, and goes with the folder it made when released', () => {
    const out = join(root, 'lock', 'made');
    const release = lockOutputFolder(out, '--out');
    expect(existsSync(join(out, LOCK_FILE))).toBe(true);
    expect(() => lockOutputFolder(out, '--out')).toThrow(
      new InputError(
        `--out ${out}: another coldtail run (pid ${process.pid}) is writing to this folder; wait for it to end, or choose another folder`,
      ),
    );
    release();
    expect(existsSync(out)).toBe(false);
    // A folder that was there stays, with what the run wrote in it; only the lock goes.
    mkdirSync(out);
    const again = lockOutputFolder(out);
    writeFileSync(join(out, 'results.json'), '{}');
    again();
    expect(readdirSync(out)).toEqual(['results.json']);
  });

  it('a lock that is not a file (a link, a folder) is refused, not removed', () => {
    const out = join(root, 'lock', 'odd');
    mkdirSync(join(out, LOCK_FILE), { recursive: true });
    expect(() => lockOutputFolder(out)).toThrow(/is there and is not a lock file; remove it/);
    expect(existsSync(join(out, LOCK_FILE))).toBe(true);
  });

  it('a lock of garbage, or of a process that is gone, is stale and taken over', () => {
    const out = join(root, 'lock', 'stale');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), 'garbage');
    lockOutputFolder(out)();
    expect(readdirSync(out)).toEqual([]);
  });
});
