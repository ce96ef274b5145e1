/**
 * The command line as users meet it, as a subprocess: bad input exits 2 with one line naming
 * the file, the field and the reason, no stack trace and no output; runaway runs stop with a
 * message that says which limit to raise; Ctrl-C stops a run within a second with exit code
 * 130, leaving either no results.json or a complete one marked partial, and no temporary
 * files. Subprocesses cost about half a second each: the cases run side by side.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  cli,
  cliAsync,
  expectBadInput,
  experiment,
  LONG_EXPERIMENT,
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
  const r = await cliAsync(['run', files[name], '--out', out, ...extra], dir).done;
  expect(existsSync(out), `${name}: output written`).toBe(false);
  expect(existsSync(join(dir, 'output')), `${name}: output/ written`).toBe(false);
  return r;
}

describe('bad input through the command line: exit 2, one line, no stack, no output', () => {
  it('validate: one line per bad file, each naming its file and field', () => {
    const names = ['malformed.json', 'misspelled.json', 'bad-trace.json', 'bad-model.json'];
    const missing = join(dir, 'missing.json');
    const r = cli(['validate', files['ok.json'], ...names.map((n) => files[n]), missing], dir);
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
      cliAsync(['run', join(dir, 'nope.json'), '--out', join(dir, 'out-nope')], dir).done,
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

  it('explain: the same work guard as run, and no options it would ignore', () => {
    expectBadInput(cli(['explain', files['huge.json']], dir), files['huge.json'], '--force');
    for (const option of ['-q', '--threads=2']) {
      const r = cli(['explain', files['ok.json'], option], dir);
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

describe('Ctrl-C', () => {
  const cases = [
    ['long.json', '1'],
    ['long.json', '2'],
    ['points-40.json', '1'],
  ] as const;
  for (const [name, threads] of cases) {
    it(`stops ${name} within a second with exit 130, no torn files (--threads ${threads})`, async () => {
      const out = join(dir, `out-interrupted-${name}-${threads}`);
      const run = cliAsync(['run', files[name], '--out', out, '--threads', threads], dir);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const sent = Date.now();
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code, r.stderr).toBe(130);
      // The run checks for a stop between chunks of 200,000 events (tens of ms here, typically
      // 0.1-0.3 s from signal to exit): the target is a second. The bound leaves room for a loaded
      // CI machine and still catches the failure it guards against, waiting for a whole
      // replication (15 s before the fix).
      expect(r.at - sent, 'took too long to stop').toBeLessThan(3000);
      // On a slow machine the signal may come while the CLI is still loading: also exit 130.
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
});
