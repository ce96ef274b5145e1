import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, smallExperiment, tempDir } from '../support/cli.ts';

describe('the other commands', () => {
  const dir = tempDir();

  it('--help lists the commands with examples', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['run', 'validate', 'explain', 'models', 'chart', 'start', 'merge', 'verify']) {
      expect(r.stdout).toContain(`coldtail ${c}`);
    }
    expect((await run(['run', '--help'])).stdout).toContain('Examples:');
  });

  it('--help of each command: every argument and option described, examples on one line each', async () => {
    const names = ['run', 'validate', 'explain', 'models', 'chart', 'start', 'merge', 'verify'];
    for (const name of names) {
      const { stdout, code } = await run([name, '--help']);
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      // An argument or option with nothing but its [type] tags after its name has no words.
      const bare = lines.filter((l) => /^\s+(-\w, )?-{0,2}[\w-]+\s+\[[^\]]+\]/.test(l));
      expect(bare, `${name} --help`).toEqual([]);
      // Examples: each starts "coldtail ..." or continues its description (indented); a long
      // command must not wrap so that its options land on a line of their own.
      const at = lines.indexOf('Examples:');
      const examples = at < 0 ? [] : lines.slice(at + 1).filter((l) => l.trim() !== '');
      for (const line of examples) {
        expect(line, `${name} --help`).toMatch(/^ {2}coldtail |^ {10,}\S/);
      }
    }
  });

  it('validate checks models and experiments, and names the bad ones', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, smallExperiment());
    const badModel = join(dir, 'model.json');
    writeFileSync(
      badModel,
      JSON.stringify({
        kind: 'platform',
        name: 'mine',
        description: 'd',
        source: ['s'],
        coldStart: { runtimeInit: { lognormal: { p50: '40ms', p99: '8ms' } } },
      }),
    );
    const r = await run(['validate', good, 'models/platforms/aws-lambda-2019.json', badModel]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`ok  ${good}`);
    expect(r.stdout).toContain('ok  models/platforms/aws-lambda-2019.json');
    expect(r.stderr.trim()).toBe(
      `${badModel}: coldStart.runtimeInit.lognormal.p99: must be greater than p50`,
    );
  });

  it('validate checks an experiment as run does: its charts, and models given with it', async () => {
    const charts = join(dir, 'charts.json');
    writeFileSync(charts, smallExperiment({ charts: ['percentileCurve'] }));
    const model = join(dir, 'own-platform.json');
    writeFileSync(
      model,
      JSON.stringify({ kind: 'platform', name: 'own', description: 'd', source: ['s'] }),
    );
    const usesOwn = join(dir, 'uses-own.json');
    writeFileSync(usesOwn, smallExperiment({ platform: 'own', sweep: undefined }));
    const r = await run(['validate', charts, usesOwn, model]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `${charts}: charts[0]: must be one of "percentileCurves", "latencyCdf", "tailPlot", "stageBreakdown", "burstTimeline", "fanOutSlowShare", "keepAliveCost", "keepAlivePareto", "useCaseBudgets", "powerTuning", "clientTrade" (got "percentileCurve"); did you mean "percentileCurves"?`,
    );
    // The model file, listed after the experiment that uses it, is used by it.
    expect(r.stdout).toBe(`ok  ${usesOwn}\nok  ${model}\n`);
    expect((await run(['validate', usesOwn, '--models', model])).status).toBe(0);
    // The same file listed and given with --models is one model, not two of one name.
    const both = await run(['validate', model, usesOwn, model, '--models', model]);
    expect(both.stderr).toBe('');
    expect(both.status).toBe(0);
    const alone = await run(['validate', usesOwn]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain(`${usesOwn}: platform: unknown platform "own"`);
  });

  it('validate refuses what run would refuse for its size, unless --force', async () => {
    const big = join(dir, 'big.json');
    // 1e6 calls a second for 5 hours, above the 1e10 calls run starts without --force.
    writeFileSync(
      big,
      smallExperiment({
        workload: { poisson: { perSecond: 1e6 } },
        duration: '5h',
        sweep: undefined,
      }),
    );
    const r = await run(['validate', big]);
    expect(r.status).toBe(2);
    // 2 replications of a chain of 2: 7.2e10 calls.
    expect(r.stderr).toContain(`${big}: the experiment asks for about 7.2e+10 simulated calls`);
    expect(r.stderr).toContain('run with --force');
    const forced = await run(['validate', big, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toBe(`ok  ${big}\n`);
    expect(forced.status).toBe(0);
  });

  it('models lists every preset with its source', async () => {
    // Text columns read from the left: the description starts right after the kind.
    const text = (await run(['models'])).stdout;
    expect(text).toMatch(/^aws-lambda-2019 +platform {2}AWS Lambda, Node\.js, invoked directly/m);
    const r = await run(['models', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; kind: string; source: string[] }[];
    expect(list.filter((m) => m.kind === 'platform').map((m) => m.name)).toContain(
      'azure-functions',
    );
    expect(list.filter((m) => m.kind === 'client')).toHaveLength(7);
    expect(list.every((m) => m.source.length > 0)).toBe(true);
  });

  it('explain tells where the time goes at p50 and p99, with the run numbers', async () => {
    const file = join(dir, 'explain.json');
    writeFileSync(file, smallExperiment());
    const r = await run(['explain', file, '--point', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^platform=cloudflare-workers: [\d,]+ calls from a us-metro client/);
    expect(r.stdout).toContain('At the median');
    expect(r.stdout).toContain('At the p99');
    expect(r.stdout).toContain('crossing the internet');
    const bad = await run(['explain', file, '--point', '5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--point: the experiment has 2 points (0 to 1); got 5');
  });

  it('chart redraws charts from a saved results.json', async () => {
    const file = join(dir, 'chart.json');
    writeFileSync(file, smallExperiment());
    const out = join(dir, 'chart-out');
    expect((await run(['run', file, '--out', out, '-q', '--no-charts'])).status).toBe(0);
    const r = await run(['chart', join(out, 'results.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^drew .*stageBreakdown/);
    expect(readFileSync(join(out, 'stageBreakdown.svg'), 'utf8')).toContain('<svg');
    const notResults = await run(['chart', 'package.json']);
    expect(notResults.status).toBe(2);
  });

  it("chart redraws an experiment's own charts with their options, as run drew them", async () => {
    const file = join(dir, 'own-charts.json');
    const charts = [{ name: 'percentileCurves', options: { percentiles: ['p50', 'p99'] } }];
    writeFileSync(file, smallExperiment({ charts }));
    const out = join(dir, 'own-charts-out');
    expect((await run(['run', file, '--out', out, '-q'])).status).toBe(0);
    const again = join(dir, 'own-charts-again');
    const r = await run(['chart', join(out, 'results.json'), '--out', again]);
    expect(r.stdout).toBe(`drew percentileCurves in ${again}/\n`);
    const svg = (d: string) => readFileSync(join(d, 'percentileCurves.svg'), 'utf8');
    expect(svg(again)).toBe(svg(out));
    expect(svg(again)).not.toContain('p99.9');
  });

  it('verify --quick --json prints the rows of the quick suite as JSON, exit 1 when one fails', async () => {
    // The rows themselves (every case run, every row passing and well formed) are
    // test/verify/suite.test.ts's, which runs the quick suite once; running it again here took
    // a third of this file's time. Here: what the command asks for, prints and returns.
    const row = (pass: boolean, quantity: string) => ({
      case: 'M/M/1',
      quantity,
      kind: 'equals',
      expected: 10,
      unit: 'ms',
      simulated: pass ? 10.1 : 12,
      low: pass ? 9.8 : 11.5,
      high: pass ? 10.4 : 12.5,
      relativeError: pass ? 0.01 : 0.2,
      tolerance: 0,
      pass,
      note: 'a row made up for the command',
    });
    let rows = [row(true, 'mean'), row(true, 'p99')];
    const asked: { quick?: boolean; seed?: unknown }[] = [];
    vi.doMock('../../src/verify/index.ts', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/verify/index.ts')>()),
      runVerify: (options: { quick?: boolean; seed?: unknown }) => {
        asked.push(options);
        return rows;
      },
    }));
    try {
      const r = await run(['verify', '--quick', '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(rows);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({ quick: true });
      expect(asked[0].seed).toBeUndefined();

      rows = [row(true, 'mean'), row(false, 'p99')];
      const failed = await run(['verify', '--quick', '--json', '--seed', '3']);
      expect(failed.status).toBe(1);
      expect(JSON.parse(failed.stdout)).toEqual(rows);
      expect(asked[1]).toMatchObject({ quick: true });
      expect(String(asked[1].seed)).toBe('3');
    } finally {
      vi.doUnmock('../../src/verify/index.ts');
    }
  });
});
