/**
 * merge and chart on files that are not what they should be, as users meet them (through
 * main, in-process): broken shard or results files, shards of a changed trace or of another split,
 * shard files named one by one (some saved with a byte-order mark), charts the results cannot
 * support. Bad input: exit 2 and one line naming the file, the field and the reason.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBadInput, experiment, run, tempDir, writeFiles } from '../hardening/helpers.ts';

const dir = tempDir('coldtail-merge-chart-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = writeFiles(dir, {
  'replay.json': experiment({
    name: 'replay',
    duration: '5s',
    replications: 2,
    workload: { trace: { file: 'arrivals.csv', format: 'timestamps' } },
    sweep: { platform: ['aws-lambda-2019', 'cloudflare-workers'] },
  }),
  'arrivals.csv': 'timestamp\n100\n900\n2500\n',
});

const shard = (k: number, n: number, folder: string) =>
  run(['run', files['replay.json'], '--shard', `${k}/${n}`, '--out', join(dir, folder), '-q']);
const half1 = join(dir, 'half1', 'shard-1-of-2.json');
const merged = join(dir, 'merged');

beforeAll(async () => {
  for (const r of [
    await shard(1, 2, 'half1'),
    await shard(2, 2, 'half2'),
    await shard(1, 3, 'third1'),
  ]) {
    expect(r.code, r.stderr).toBe(0);
  }
  // Rows added to the trace between two shards of one run.
  appendFileSync(files['arrivals.csv'], '4000\n');
  expect((await shard(2, 2, 'half2-later')).code).toBe(0);
  writeFileSync(files['arrivals.csv'], 'timestamp\n100\n900\n2500\n');
  const m = await run(['merge', join(dir, 'half1'), join(dir, 'half2'), '--out', merged, '-q']);
  expect(m.code, m.stderr).toBe(0);
});

/** A copy of shard 1/2 with `edit` applied to its JSON. */
function brokenShard(name: string, edit: (json: ReturnType<typeof JSON.parse>) => void): string {
  const json = JSON.parse(readFileSync(half1, 'utf8'));
  edit(json);
  return writeFiles(dir, { [name]: json })[name];
}

describe('merge', () => {
  it('takes shard files as well as folders, a byte-order mark and all', async () => {
    const bom = writeFiles(dir, { 'bom-shard.json': `\ufeff${readFileSync(half1, 'utf8')}` });
    const out = join(dir, 'merged-files');
    const r = await run(['merge', bom['bom-shard.json'], join(dir, 'half2'), '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(
      readFileSync(join(merged, 'results.json'), 'utf8'),
    );
  });

  it('refuses shards run on different trace contents, naming both', async () => {
    const later = join(dir, 'half2-later', 'shard-2-of-2.json');
    const out = join(dir, 'merged-later');
    const r = await run(['merge', join(dir, 'half1'), join(dir, 'half2-later'), '--out', out]);
    expectBadInput(r, later, half1, 'trace files');
    expect(existsSync(out)).toBe(false);
  });

  it('says that shards of 1/2 and 1/3 split the runs differently', async () => {
    const third = join(dir, 'third1', 'shard-1-of-3.json');
    const r = await run(['merge', half1, third, '--out', join(dir, 'merged-split')]);
    expectBadInput(r, third, 'split the runs differently', '1/3', '1/2', half1);
  });

  it('refuses broken shard files with the file, the field and the reason', async () => {
    const bare = writeFiles(dir, { 'bare.json': { format: 'coldtail-shard/4' } })['bare.json'];
    const out = join(dir, 'merged-broken');
    expectBadInput(await run(['merge', bare, '--out', out]), `${bare}: `, /missing required field/);
    const blank = brokenShard('blank.json', (j) => {
      j.units[1].data = {};
    });
    expectBadInput(
      await run(['merge', blank, join(dir, 'half2'), '--out', out]),
      `${blank}: units[1].data: `,
      /missing required field "endToEnd"/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('chart', () => {
  /** The merged results.json with `edit` applied, as a file. */
  function brokenResults(name: string, edit: (json: ReturnType<typeof JSON.parse>) => void) {
    const json = JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8'));
    edit(json);
    return writeFiles(dir, { [name]: json })[name];
  }

  it('refuses a results.json whose point has no endToEnd, naming the field', async () => {
    const file = brokenResults('null-end-to-end.json', (j) => {
      j.points[0].endToEnd = null;
    });
    const r = await run(['chart', file, '--out', join(dir, 'charts-null')]);
    expectBadInput(r, `${file}: points[0].endToEnd: must be an object`);
  });

  it('says why when no chart named can be drawn, and exits 2', async () => {
    const file = brokenResults('no-sweep.json', (j) => {
      j.axes = [];
    });
    const out = join(dir, 'charts-none');
    const r = await run(['chart', file, '--charts', 'percentileCurves', '--out', out]);
    expectBadInput(r, `${file}: no chart can be drawn`, 'percentileCurves', 'sweep');
    expect(r.stdout).toBe('');
  });

  it('notes each named chart it skips, and draws the others', async () => {
    const out = join(dir, 'charts-some');
    const r = await run([
      'chart',
      join(merged, 'results.json'),
      '--charts',
      'tailPlot',
      'burstTimeline',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`drew tailPlot in ${out}/\n`);
    expect(r.stderr).toBe(
      `coldtail: ${join(merged, 'results.json')}: burstTimeline not drawn: no point has a timeline (an experiment records one with "timeline": {"window": ...})\n`,
    );
  });
});
