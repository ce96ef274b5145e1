/**
 * The command line as users meet it: bad input exits 2 with one line naming the file, the
 * field and the reason, no stack trace and no output; runaway runs stop with a message that
 * says which limit to raise (these through main, in-process); Ctrl-C stops a run within a
 * second with exit code 130, at any moment from launch to the last chart, leaving either no
 * results.json or a complete one marked partial, and no temporary files (these as real
 * processes sent real signals).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  cliAsync,
  coldtailAsync,
  expectBadInput,
  experiment,
  LONG_EXPERIMENT,
  run,
  STACK_FRAME,
  tempDir,
  writeFiles,
} from './helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const platform = (name: string) => ({
  kind: 'platform',
  name,
  description: 'a model file given with --models',
  source: ['test'],
});

const files = writeFiles(dir, {
  'ok.json': experiment({ name: 'ok' }),
  'malformed.json': '{\n  "name": "x",\n  "description": "d",\n  "duration": ,\n}\n',
  'misspelled.json': experiment({ workload: { poisson: { perSecnd: 5 } } }),
  'bad-trace.json': experiment({ workload: { trace: { file: 'bad.csv', format: 'timestamps' } } }),
  'bad.csv': 'timestamp\n10\n-\n',
  'twins.json': experiment({ platform: 'twin' }),
  'twin-a.json': platform('twin'),
  'twin-b.json': platform('twin'),
  'huge.json': experiment({ duration: '1e30h' }),
  'deep.json': JSON.stringify(experiment({ graph: 'HERE' })).replace(
    '"HERE"',
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  ),
  'bad-model.json': { ...platform('bad'), keepAlive: '-1s' },
  'events.json': experiment({
    name: 'events',
    duration: '10min',
    replications: 2,
    platform: 'cloudflare-workers',
    workload: { poisson: { perSecond: 1000 } },
    limits: { maxEvents: 300_000 },
  }),
  'in-flight.json': experiment({
    name: 'in-flight',
    duration: '10min',
    platform: 'self-managed-fleet',
    function: { execution: '1s' },
    workload: { poisson: { perSecond: 500 } },
    limits: { maxInFlight: 1000 },
  }),
  'points.json': experiment({
    name: 'points',
    sweep: { 'workload.poisson.perSecond': [1, 2], 'function.memoryMB': [128, 256] },
  }),
  // Ctrl-C comes in the middle of a unit of work (one replication takes some 10 s)...
  'long.json': LONG_EXPERIMENT,
  // ... or among 400 units that each end in one step of the run (a few ms each)...
  'short-units.json': experiment({
    name: 'short-units',
    duration: '20s',
    platform: 'cloudflare-workers',
    workload: { poisson: { perSecond: 200 } },
    replications: 4,
    sweep: { 'workload.poisson.perSecond': Array.from({ length: 100 }, (_, i) => 200 + i) },
  }),
  // ... or while its one chart is drawn ...
  'one-chart.json': experiment({
    name: 'one-chart',
    sweep: { 'workload.poisson.perSecond': [2, 4, 6, 8] },
    charts: ['percentileCurves'],
  }),
  // ... or after a few of 40 points of about 0.2 s each.
  'points-40.json': experiment({
    name: 'points-40',
    duration: '2min',
    platform: 'cloudflare-workers',
    workload: { poisson: { perSecond: 1000 } },
    sweep: { 'workload.poisson.perSecond': Array.from({ length: 40 }, (_, i) => 1000 + i) },
  }),
});

/** Runs `coldtail run <file> --out <dir>/out-<name>` and checks that no output appeared. */
async function runRefused(name: string, extra: string[] = []): Promise<CliResult> {
  const out = join(dir, `out-${name}`);
  const r = await run(['run', files[name], '--out', out, ...extra]);
  expect(existsSync(out), `${name}: output written`).toBe(false);
  expect(existsSync(join(dir, 'output')), `${name}: output/ written`).toBe(false);
  return r;
}

describe('bad input through the command line: exit 2, one line, no stack, no output', () => {
  it('validate: one line per bad file, each naming its file and field', async () => {
    const names = ['malformed.json', 'misspelled.json', 'bad-trace.json', 'bad-model.json'];
    const missing = join(dir, 'missing.json');
    const r = await run(['validate', files['ok.json'], ...names.map((n) => files[n]), missing]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`ok  ${files['ok.json']}\n`);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `${files['malformed.json']}:4:15: invalid JSON (Unexpected token ',')`,
      `${files['misspelled.json']}: workload.poisson: unknown field "perSecnd"; did you mean "perSecond"?`,
      `${files['bad-trace.json']}: workload[0].trace.file: bad.csv:3: timestamp: must be a non-negative number (got "-")`,
      `${files['bad-model.json']}: keepAlive: must not be negative (got "-1s")`,
      `${missing}: file not found`,
    ]);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('run: malformed, misspelled, bad trace, twin models, missing, too deep, too big', async () => {
    const [malformed, misspelled, trace, twins, missing, deep, huge] = await Promise.all([
      runRefused('malformed.json'),
      runRefused('misspelled.json'),
      runRefused('bad-trace.json'),
      runRefused('twins.json', ['--models', files['twin-a.json'], files['twin-b.json']]),
      run(['run', join(dir, 'nope.json'), '--out', join(dir, 'out-nope')]),
      runRefused('deep.json'),
      runRefused('huge.json'),
    ]);
    expectBadInput(malformed, files['malformed.json'], ':4:15: invalid JSON');
    expectBadInput(misspelled, files['misspelled.json'], 'workload.poisson', 'did you mean');
    expectBadInput(
      trace,
      files['bad-trace.json'],
      ': workload[0].trace.file: bad.csv:3: timestamp:',
      'must be a non-negative number',
    );
    expectBadInput(twins, files['twin-b.json'], ': name: "twin" is already defined in');
    expectBadInput(missing, join(dir, 'nope.json'), ': file not found');
    expectBadInput(deep, files['deep.json'], ': graph[0][0]', 'nested more than 100 levels deep');
    expectBadInput(huge, files['huge.json'], 'simulated calls', '--force');
  });

  it('explain: the same work guard as run, and no options it would ignore', async () => {
    expectBadInput(await run(['explain', files['huge.json']]), files['huge.json'], '--force');
    for (const option of ['-q', '--threads=2']) {
      const r = await run(['explain', files['ok.json'], option]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^coldtail: Unknown argument: (q|threads)\n/);
    }
  });
});

describe('runaway runs stop with a message that says which limit to raise', () => {
  it('limits.maxEvents (on worker threads), limits.maxInFlight, --max-points', async () => {
    const [events, inFlight, points] = await Promise.all([
      runRefused('events.json', ['--threads', '2']),
      runRefused('in-flight.json', ['--threads', '1']),
      runRefused('points.json', ['--max-points', '3']),
    ]);
    expectBadInput(
      events,
      `coldtail: ${files['events.json']}: more than 300000 events by`,
      'raise limits.maxEvents',
    );
    expectBadInput(
      inFlight,
      `coldtail: ${files['in-flight.json']}: more than 1000 root calls in flight at`,
      'the platform cannot keep up',
      'raise limits.maxInFlight',
    );
    expectBadInput(
      points,
      files['points.json'],
      'sweep: 4 points is more than the limit of 3 (raise it with --max-points)',
    );
  });
});

/**
 * A module loaded before coldtail (NODE_OPTIONS=--import) that creates `<marker>` when the
 * first SIGINT listener has been added, that is when coldtail starts catching Ctrl-C. On a loaded
 * machine Node alone may take a second to get there; a signal before it kills the process
 * the default way, which no program can change.
 */
const SIGINT_WATCH = join(dir, 'sigint-watch.mjs');
writeFileSync(
  SIGINT_WATCH,
  `import { writeFileSync } from 'node:fs';
const on = process.on;
process.on = function (event, ...rest) {
  // The listener first, then the marker: a signal sent as soon as the marker shows must
  // find the listener in place (written the other way round, one in a few hundred runs was
  // killed the default way at 0 ms).
  const result = on.call(this, event, ...rest);
  if (event === 'SIGINT' && process.env.SIGINT_MARKER) writeFileSync(process.env.SIGINT_MARKER, '');
  return result;
};
`,
);
let markers = 0;

/**
 * Starts a real `coldtail <args>`, waits until it catches SIGINT and then `delay` ms more,
 * or until `waitFor` exists (a file the run writes: its lock, its results), and sends
 * SIGINT. The result.
 */
async function interruptAfter(args: string[], delay: number, waitFor?: string) {
  const marker = join(dir, `sigint-${markers++}`);
  const child = coldtailAsync(args, {
    cwd: dir,
    env: { NODE_OPTIONS: `--import ${SIGINT_WATCH}`, SIGINT_MARKER: marker },
  });
  const t0 = Date.now();
  const ready = () => existsSync(waitFor ?? marker);
  while (!ready() && Date.now() - t0 < 30_000) await sleep(2);
  await sleep(delay);
  child.child.kill('SIGINT');
  return child.done;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// How long a stop takes (the rule: within a second) is measured by the bench (`npm run bench
// -- --only Ctrl-C`), not asserted here: a busy machine stretches any wall-clock bound (a
// bound of 3 s failed at 10.8 s under a load of 24). What these tests hold is that the run
// stops early: exit 130, the words, fewer points kept than the run would have, no torn files.

describe('Ctrl-C', () => {
  const cases = [
    ['long.json', '1'],
    ['long.json', '2'],
    ['points-40.json', '1'],
    // Many units that each finish in one step: the one-thread loop used never to yield.
    ['short-units.json', '1'],
  ] as const;
  for (const [name, threads] of cases) {
    it(`stops ${name} early with exit 130, no torn files (--threads ${threads})`, async () => {
      const out = join(dir, `out-interrupted-${name}-${threads}`);
      const r = await interruptAfter(
        ['run', files[name], '--out', out, '--threads', threads],
        1500,
      );
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toMatch(
        /^coldtail: interrupted(; kept \d+ complete points in .* \(marked partial\)|; no point was complete; nothing written, .* left as it was| before starting; nothing written)\n$/,
      );
      const resultsFile = join(out, 'results.json');
      if (existsSync(resultsFile)) {
        const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
        expect(results.partial).toBe(true);
        expect(results.points.length).toBeLessThan(name === 'long.json' ? 1 : 40);
        // Every point kept is whole: its HdrHistogram file is there too.
        for (const p of results.points) {
          expect(existsSync(join(out, 'hdr', `point-${p.index}.hdr`))).toBe(true);
        }
      }
      const leftovers = existsSync(out)
        ? readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))
        : [];
      expect(leftovers).toEqual([]);
    });
  }

  it('start --threads 1 stops in the middle of many short units, with no report', async () => {
    const out = join(dir, 'out-start-interrupted');
    const r = await interruptAfter(
      [
        'start',
        '--no-playground',
        '--experiments',
        files['short-units.json'],
        '--out',
        out,
        '--threads',
        '1',
      ],
      500,
      join(out, 'short-units', '.coldtail.lock'),
    );
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(
      /^coldtail: interrupted (during short-units; (kept \d+ complete points|no point was complete)|before starting).*; no report written\n$|^coldtail: interrupted before starting; nothing written\n$/,
    );
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('from launch on: a signal at any moment is exit 130 with a word, never ignored nor silent', async () => {
    // Each moment of the hand-off, counted from the first line of the CLI: the rest of it
    // loading, the experiment being read and checked, the run beginning.
    const delays = [0, 20, 50, 100, 200, 400];
    const results = await Promise.all(
      delays.map((d) =>
        interruptAfter(['run', files['long.json'], '--out', join(dir, `out-launch-${d}`)], d),
      ),
    );
    for (const [i, r] of results.entries()) {
      const context = `SIGINT after ${delays[i]} ms: exit ${r.code}, signal ${r.signal}\n${r.stderr}`;
      expect(r.signal, context).toBe(null);
      expect(r.code, context).toBe(130);
      expect(r.stderr, context).toMatch(/^coldtail: interrupted/);
      expect(r.stderr, context).not.toMatch(STACK_FRAME);
      // No bound on the time here: a signal while Node still loads the CLI's modules is acted
      // on once they are loaded (a tenth of a second when idle, seconds on a saturated
      // machine); one that was ignored would let the run go on to exit 0.
    }
  });

  it('during the last chart: exit 130, saying what was kept', async () => {
    const out = join(dir, 'out-last-chart');
    const child = cliAsync(['run', files['one-chart.json'], '--out', out, '--threads', '1'], dir);
    // results.json is written just before the one chart is drawn.
    const t0 = Date.now();
    while (!existsSync(join(out, 'results.json')) && Date.now() - t0 < 60_000) await sleep(2);
    child.child.kill('SIGINT');
    const r = await child.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(
      new RegExp(
        `^coldtail: interrupted; kept the complete results and [01] charts? in ${out}/\n$`,
      ),
    );
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).partial).toBe(false);
  });
});
