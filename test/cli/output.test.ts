/**
 * The output folder through the command line: a folder that cannot take the results is refused
 * with exit 2 before anything runs; start refuses what run refuses (--threads, two experiments
 * in one folder); Ctrl-C never destroys a complete run, nor is ignored while charts are drawn;
 * a folder never mixes two runs' files. In-process (main) except where a real signal is sent.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  cliAsync,
  experiment,
  interruptible,
  LONG_EXPERIMENT,
  run,
  STACK_FRAME,
  tempDir,
  writeFiles,
} from '../hardening/helpers.ts';

const dir = tempDir('coldtail-output-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = writeFiles(dir, {
  'three.json': experiment({ name: 'three', sweep: { 'workload.poisson.perSecond': [2, 4, 6] } }),
  'one.json': experiment({ name: 'one' }),
  'long.json': LONG_EXPERIMENT,
  // Quick to simulate, a second or more to draw (eight charts: four burst panels and four).
  'charty.json': experiment({
    name: 'charty',
    timeline: { window: '1s' },
    sweep: { 'workload.poisson.perSecond': [2, 4, 6, 8] },
    charts: ['burstTimeline', 'percentileCurves', 'latencyCdf', 'tailPlot', 'stageBreakdown'],
  }),
  'a-file': 'not a folder',
});
mkdirSync(join(dir, 'exps'));
mkdirSync(join(dir, 'twins'));
writeFiles(join(dir, 'exps'), { 'one.json': experiment({ name: 'one' }) });
writeFiles(join(dir, 'twins'), {
  'a.json': experiment({ name: 'base' }),
  'b.json': experiment({ name: 'base', replications: 2 }),
});

const exps = join(dir, 'exps');
const twins = join(dir, 'twins');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exit 2, one line `line` on stderr, no stack, nothing on stdout. */
function expectRefused(r: CliResult, line: string): void {
  const context = `exit ${r.code}\n${r.stderr}`;
  expect(r.code, context).toBe(2);
  expect(r.stderr, context).toBe(`${line}\n`);
  expect(r.stderr, context).not.toMatch(STACK_FRAME);
  expect(r.stdout, context).toBe('');
}

/** Every file under `d`, with its bytes. */
function snapshot(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(d, { recursive: true, withFileTypes: true })) {
    if (f.isFile())
      out[join(f.parentPath, f.name)] = readFileSync(join(f.parentPath, f.name), 'latin1');
  }
  return out;
}

describe('a bad output folder is refused, with exit 2, before anything runs', () => {
  it('run, start, chart and merge: an empty --out, a file, a folder under a file, --out twice', async () => {
    const file = files['a-file'];
    // long.json would take some 20 s to run (and then fail to write): a refusal comes first.
    const [empty, startEmpty, isFile, underFile, twice, startFile] = await Promise.all([
      run(['run', files['one.json'], '--out', '']),
      run(['start', '--no-playground', '--experiments', exps, '--out', '']),
      run(['run', files['long.json'], '--out', file]),
      run(['run', files['long.json'], '--out', join(file, 'sub')]),
      run(['run', files['one.json'], '--out', join(dir, 'x'), '--out', join(dir, 'y')]),
      run(['start', '--no-playground', '--experiments', exps, '--out', file]),
    ]);
    const [chart, merge] = await Promise.all([
      run(['chart', join(dir, 'results.json'), '--out', file]),
      run(['merge', dir, '--out', file]),
    ]);
    expectRefused(chart, `--out ${file}: not a folder`);
    expectRefused(merge, `--out ${file}: not a folder`);
    expectRefused(empty, '--out: must not be empty');
    expectRefused(startEmpty, '--out: must not be empty');
    expectRefused(isFile, `--out ${file}: not a folder`);
    expectRefused(underFile, `--out ${join(file, 'sub')}: ${file} is not a folder`);
    expectRefused(twice, '--out: given more than once');
    expectRefused(startFile, `--out ${file}: not a folder`);
    // An empty --out wrote nothing into the current folder.
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
    expect(existsSync(join(dir, 'hdr'))).toBe(false);
    expect(existsSync('results.json')).toBe(false);
  });

  it('a file-system root or a system folder: refused, for run, start, merge and chart', async () => {
    for (const out of ['/', '/usr', '/etc/coldtail', '/var']) {
      const [r, start, merge, chart] = await Promise.all([
        run(['run', files['one.json'], '--out', out]),
        run(['start', '--no-playground', '--experiments', exps, '--out', out]),
        run(['merge', dir, '--out', out]),
        run(['chart', join(dir, 'results.json'), '--out', out]),
      ]);
      for (const x of [r, start, merge, chart]) {
        expect(x.code, x.stderr).toBe(2);
        // As root every one is writable, and refused as a system folder; as anyone else the
        // permissions refuse it first.
        expect(x.stderr).toMatch(
          new RegExp(
            `^--out ${out}: (is (inside )?/\\w*, a system folder; choose a folder of your own|cannot be (written|created in \\S+) \\(permission denied\\))\n$`,
          ),
        );
      }
    }
    expect(existsSync('/results.json')).toBe(false);
  });

  it('a write that fails anyway (a file where hdr/ goes): exit 1, one line, no stack', async () => {
    const out = join(dir, 'blocked');
    mkdirSync(out);
    writeFileSync(join(out, 'hdr'), 'in the way');
    const r = await run(['run', files['one.json'], '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(
      `coldtail: cannot write ${join(out, 'hdr')}: a file is in the way of a folder; no results.json written\n`,
    );
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });
});

describe('start checks what run checks', () => {
  it('--threads: a whole number from 1 to 256', async () => {
    const out = join(dir, 'out-threads');
    const results = await Promise.all(
      ['abc', '0', '-3', '1.5', '99999999999999999999'].map((t) =>
        run(['start', '--no-playground', '--experiments', exps, '--out', out, '--threads', t]),
      ),
    );
    // What was given, as given: not "NaN", not "1e+20".
    for (const [i, t] of ['abc', '0', '-3', '1.5', '99999999999999999999'].entries()) {
      expectRefused(results[i], `--threads: must be a whole number from 1 to 256 (got ${t})`);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('two experiments with one name: refused, naming both files', async () => {
    const out = join(dir, 'out-twins');
    const r = await run(['start', '--no-playground', '--experiments', twins, '--out', out]);
    expectRefused(
      r,
      `${join(twins, 'b.json')}: name: "base" is also the name of ${join(twins, 'a.json')}; both would write to the same folder`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('a folder holds one run', () => {
  it("a re-run replaces the old run's hdr files and charts", async () => {
    const out = join(dir, 'rerun');
    expect((await run(['run', files['three.json'], '--out', out, '-q'])).code).toBe(0);
    expect(readdirSync(join(out, 'hdr'))).toHaveLength(3);
    expect(readdirSync(out).some((f) => f.endsWith('.svg'))).toBe(true);
    expect((await run(['run', files['one.json'], '--out', out, '-q', '--no-charts'])).code).toBe(0);
    expect(readdirSync(join(out, 'hdr'))).toEqual(['point-0.hdr']);
    expect(readdirSync(out).sort()).toEqual(['hdr', 'results.csv', 'results.json']);
  });

  it('Ctrl-C before any point is complete leaves the previous results as they were', async () => {
    const out = join(dir, 'kept');
    expect((await run(['run', files['three.json'], '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const child = cliAsync(['run', files['long.json'], '--out', out, '--threads', '1'], dir);
    await sleep(1500);
    child.child.kill('SIGINT');
    const r = await child.done;
    expect(r.code, r.stderr).toBe(130);
    // On a slow machine the signal may come while the CLI is still loading.
    expect(r.stderr).toMatch(
      new RegExp(
        `^coldtail: interrupted(; no point was complete; nothing written, ${out}/ left as it was| before starting; nothing written)\n$`,
      ),
    );
    expect(snapshot(out)).toEqual(before);
  });
});

describe('Ctrl-C while run draws the charts', () => {
  it('exits 130 and keeps the complete results and the charts drawn', async () => {
    const out = join(dir, 'charts-interrupted');
    const child = cliAsync(['run', files['charty.json'], '--out', out, '--threads', '1'], dir);
    // results.json is written just before the charts are drawn.
    const t0 = Date.now();
    while (!existsSync(join(out, 'results.json')) && Date.now() - t0 < 30_000) await sleep(5);
    child.child.kill('SIGINT');
    const r = await child.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(
      new RegExp(
        `^coldtail: interrupted; kept the complete results and \\d+ charts? in ${out}/\n$`,
      ),
    );
    expect(r.stdout).toBe('');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.partial).toBe(false);
    expect(results.points).toHaveLength(4);
    // Each chart kept is whole; fewer than the eight it would draw.
    const specs = readdirSync(out).filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeLessThan(8);
    for (const s of specs) {
      const name = s.slice(0, -'.vl.json'.length);
      expect(existsSync(join(out, `${name}.svg`)) && existsSync(join(out, `${name}.png`))).toBe(
        true,
      );
    }
  });
});

describe('a run never writes outside its folder', () => {
  it('a link named hdr in --out is replaced by a folder, not followed', async () => {
    const out = join(dir, 'linked');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'point-0.hdr'), 'not coldtail');
    symlinkSync(elsewhere, join(out, 'hdr'));
    const r = await run(['run', files['one.json'], '--out', out, '-q', '--no-charts']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'point-0.hdr'), 'utf8')).toBe('not coldtail');
    expect(readdirSync(elsewhere)).toEqual(['point-0.hdr']);
    expect(lstatSync(join(out, 'hdr')).isDirectory()).toBe(true);
    expect(readFileSync(join(out, 'hdr', 'point-0.hdr'), 'utf8')).toContain('Percentile');
  });
});

describe('one run at a time in a folder', () => {
  it('a second run into a folder being written is refused, naming the first; the lock goes at the end', async () => {
    const out = join(dir, 'locked');
    const ctl = interruptible();
    const first = run(['run', files['long.json'], '--out', out, '--threads', '1', '-q'], {
      interrupts: ctl,
    });
    const lock = join(out, '.coldtail.lock');
    for (let i = 0; i < 1000 && !existsSync(lock); i++) await sleep(10);
    const [second, start] = await Promise.all([
      run(['run', files['one.json'], '--out', out, '-q']),
      run(['start', '--no-playground', '--experiments', exps, '--out', out]),
    ]);
    expectRefused(
      second,
      `--out ${out}: another coldtail run (pid ${process.pid}) is writing to this folder; wait for it to end, or choose another folder`,
    );
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`--out ${out}: another coldtail run (pid ${process.pid})`);
    ctl.interrupt();
    const r = await first;
    expect(r.code, r.stderr).toBe(130);
    // Nothing was complete: the folder, made for the run, is gone again with its lock.
    expect(existsSync(out)).toBe(false);
  });

  it('a lock left by a process that is gone is stale: taken over, and removed at the end', async () => {
    const out = join(dir, 'stale');
    mkdirSync(out);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(out, '.coldtail.lock'), `${gone.stdout} x\n`);
    const r = await run(['run', files['one.json'], '--out', out, '-q', '--no-charts']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['hdr', 'results.csv', 'results.json']);
  });
});
