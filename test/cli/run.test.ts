import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, smallExperiment, tempDir } from '../support/cli.ts';

describe('coldtail run', () => {
  const dir = tempDir();
  const file = join(dir, 'small.json');
  writeFileSync(file, smallExperiment());

  it('prints the table and writes results.json, results.csv, HdrHistogram files and charts', async () => {
    const out = join(dir, 'out');
    const r = await run(['run', file, '--out', out, '--threads', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('platform=aws-lambda-2019');
    expect(r.stdout).toContain('platform=cloudflare-workers');
    expect(r.stdout).toMatch(/p50\s+p90\s+p99/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.experiment.name).toBe('small');
    expect(results.points).toHaveLength(2);
    expect(results.partial).toBe(false);
    expect(results.coldtail.version).toMatch(/^\d+\.\d+\.\d+$/);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0].startsWith('point,platform,count,mean')).toBe(true);
    const hdr = readFileSync(join(out, 'hdr', 'point-0.hdr'), 'utf8');
    expect(hdr).toMatch(/Value\s+Percentile\s+TotalCount\s+1\/\(1-Percentile\)/);
    expect(hdr).toMatch(new RegExp(`Total count\\s+=\\s+${results.points[0].endToEnd.count}\\]`));
    const files = readdirSync(out);
    expect(files.some((f) => f.endsWith('.vl.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.png'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives byte-identical results.json and results.csv for the same seed, on 1 or 2 threads', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const c = join(dir, 'c');
    expect(
      (await run(['run', file, '--out', a, '--threads', '1', '-q', '--no-charts'])).status,
    ).toBe(0);
    expect(
      (await run(['run', file, '--out', b, '--threads', '2', '-q', '--no-charts'])).status,
    ).toBe(0);
    expect((await run(['run', file, '--out', c, '--seed', '8', '-q', '--no-charts'])).status).toBe(
      0,
    );
    for (const f of ['results.json', 'results.csv']) {
      expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
      expect(readFileSync(join(c, f), 'utf8')).not.toBe(readFileSync(join(a, f), 'utf8'));
    }
  });

  it('merges shards into the same bytes as a single run', async () => {
    const whole = join(dir, 'whole');
    expect((await run(['run', file, '--out', whole, '-q', '--no-charts'])).status).toBe(0);
    for (const k of [1, 2, 3]) {
      const r = await run(['run', file, '--shard', `${k}/3`, '--out', join(dir, `s${k}`), '-q']);
      expect(r.status).toBe(0);
      expect(existsSync(join(dir, `s${k}`, `shard-${k}-of-3.json`))).toBe(true);
    }
    const merged = join(dir, 'merged');
    const partial = await run(['merge', join(dir, 's1'), join(dir, 's3'), '--out', merged, '-q']);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/missing/);
    expect(existsSync(merged)).toBe(false);
    const r = await run([
      'merge',
      join(dir, 's1'),
      join(dir, 's2'),
      join(dir, 's3'),
      '--out',
      merged,
      '-q',
    ]);
    expect(r.status).toBe(0);
    for (const f of ['results.json', 'results.csv', join('hdr', 'point-1.hdr')]) {
      expect(readFileSync(join(merged, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));
    }
  });

  it('acts on a Ctrl-C that came while the CLI loaded before reading the experiment', async () => {
    // Loading the code, reading and checking a large input, and the work estimate can each
    // take seconds: a signal during them is acted on after each, not after all of them. Here
    // the signal comes just after main() first looked (the flag is down only on that first
    // look): the experiment, which does not exist, is never read.
    let looks = 0;
    const interrupts = { requested: () => looks++ > 0 };
    const out = join(dir, 'early-stop');
    const r = await run(['run', join(dir, 'absent.json'), '--out', out], { interrupts });
    expect(r.stderr).toBe('coldtail: interrupted before starting; nothing written\n');
    expect(r.code).toBe(130);
    expect(existsSync(out)).toBe(false);
  });

  it('prints results.json to stdout with --json', async () => {
    const r = await run(['run', file, '--out', join(dir, 'json'), '--json', '--no-charts']);
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.points[1].params).toEqual({ platform: 'cloudflare-workers' });
  });

  it('refuses bad input with exit code 2, one message naming file, field and reason, and no output', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, smallExperiment({ workload: { poison: { perSecond: 1 } } }));
    const out = join(dir, 'never');
    const r = await run(['run', bad, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${bad}: workload: expected exactly one of poisson, constant, burst, onOff, piecewise, daily, trace, population; got "poison"; did you mean "poisson"?`,
    );
    expect(existsSync(out)).toBe(false);
    const missing = await run(['run', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.json')}: file not found`);
    const option = await run(['run', file, '--replications', '0']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain(
      '--replications: must be a whole number from 1 to 10000 (got 0)',
    );
    const unknown = await run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
