/**
 * A replication of a region split by function (docs/scale.md): the same results.json,
 * results.csv and functions.csv on one thread, on two (each replication split in two), and from
 * three shards merged (each holding some blocks of each replication); a region whose functions
 * share an account-wide limit says so, splits over threads only, and gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/cli.ts';

const REGION = {
  name: 'region',
  description: 'a small region',
  duration: '90s',
  warmup: '30s',
  replications: 2,
  seed: 5,
  client: 'us-typical',
  platform: 'azure-functions',
  platformOverrides: { maxConcurrency: 'unlimited', keepAlive: '20s' },
  // 600 functions: 3 blocks of 256 and the graph's (BLOCK_FUNCTIONS), spread over 3 shards
  // unevenly.
  workload: { population: { functions: 600, maxPerSecond: 0.5 } },
  sweep: { 'platformOverrides.keepAlive': ['20s', '1min'] },
};

const FILES = ['results.json', 'results.csv', 'functions.csv'];

/** What the tests below edit of a shard file. */
interface ShardJson {
  parts: { id: string; part: { blocks: { block: number; cost: { usd: number } }[] } }[];
}

describe('a region split by function', () => {
  const dir = tempDir();
  const file = join(dir, 'region.json');
  writeFileSync(file, JSON.stringify(REGION));

  it('gives the same bytes on 1 or 2 threads and from 3 shards merged', async () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    const r1 = await run(['run', file, '--out', one, '--threads', '1', '-q', '--no-charts']);
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    const r2 = await run(['run', file, '--out', two, '--threads', '2', '-q', '--no-charts']);
    expect(r2.stderr).toBe('');
    expect(r2.status).toBe(0);
    for (const k of [1, 2, 3]) {
      const r = await run(['run', file, '--shard', `${k}/3`, '--out', join(dir, `s${k}`), '-q']);
      expect(r.status).toBe(0);
      const shard = JSON.parse(readFileSync(join(dir, `s${k}`, `shard-${k}-of-3.json`), 'utf8'));
      expect(shard.format).toBe('coldtail-shard/4');
      // Every replication split: each shard holds blocks of runs, no whole run.
      expect(shard.units).toEqual([]);
      expect(shard.parts.length).toBeGreaterThan(0);
    }
    // Shard 2 edited by `edit`, merged with shards 1 and 3: what merge says.
    const s2 = join(dir, 's2', 'shard-2-of-3.json');
    const mergeEdited = async (name: string, edit: (shard: ShardJson) => void) => {
      const folder = join(dir, name);
      mkdirSync(folder);
      const shard = JSON.parse(readFileSync(s2, 'utf8'));
      edit(shard);
      const file = join(folder, 'shard-2-of-3.json');
      writeFileSync(file, JSON.stringify(shard));
      const out = join(dir, `${name}-merged`);
      return {
        file,
        r: await run(['merge', join(dir, 's1'), folder, join(dir, 's3'), '--out', out, '-q']),
      };
    };
    // A shard file that lost its blocks of a run: merge names the first, the run and the file.
    let dropped: ShardJson['parts'][number] | undefined;
    const lost = await mergeEdited('lost', (shard) => {
      dropped = shard.parts.shift();
    });
    expect(lost.r.status).toBe(2);
    expect(lost.r.stderr).toContain(
      `${lost.file}: parts: block ${dropped?.part.blocks[0].block} of run ${dropped?.id} of shard 2/3 is missing`,
    );
    // A block's sums that no longer add up to its part's data (format 4 keeps both): refused,
    // with the field.
    const bad = await mergeEdited('bad', (shard) => {
      shard.parts[0].part.blocks[0].cost.usd += 1;
    });
    expect(bad.r.status).toBe(2);
    expect(bad.r.stderr).toContain(
      `${bad.file}: parts[0].part.data.cost: is not what the part's blocks and counts add up to`,
    );
    const merged = join(dir, 'merged');
    const partial = await run(['merge', join(dir, 's1'), join(dir, 's3'), '--out', merged, '-q']);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/missing shard 2\/3/);
    // The blocks the two shards hold are counted, not only the runs they complete.
    const cover = partial.stderr.match(
      /\((\d+) of the (\d+) blocks of the runs split by function\)/,
    );
    expect(cover).not.toBeNull();
    const [held, all] = [Number(cover![1]), Number(cover![2])];
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(all);
    const m = await run([
      'merge',
      ...[1, 2, 3].map((k) => join(dir, `s${k}`)),
      '--out',
      merged,
      '-q',
    ]);
    expect(m.status).toBe(0);
    const results = JSON.parse(readFileSync(join(one, 'results.json'), 'utf8'));
    expect(results.points[0].calls.completed).toBeGreaterThan(1000);
    for (const f of FILES) {
      const want = readFileSync(join(one, f), 'utf8');
      expect(readFileSync(join(two, f), 'utf8'), f).toBe(want);
      expect(readFileSync(join(merged, f), 'utf8'), f).toBe(want);
    }
  });

  // Under an account-wide limit: the blocks run apart on the condition that the limit never
  // binds (sharedCheck.ts), and the replication runs again whole where it may have. 100,000
  // calls at once (1,000 instances of 100 calls each) and a burst of 100,000 starts are never
  // reached; 5 calls are, and throttle calls (so is azure-functions' burst of one start). The
  // same bytes on 1 and 2 threads and from 2 shards merged either way (the threads' parts are
  // dropped where the limit bound; a shard runs such a replication whole).
  const accountCase = async (
    name: string,
    maxConcurrency: number,
    burst: { initial: number; perSecond: number } = { initial: 1, perSecond: 1 },
  ) => {
    const coupled = join(dir, `${name}.json`);
    writeFileSync(
      coupled,
      JSON.stringify({
        ...REGION,
        platformOverrides: {
          ...REGION.platformOverrides,
          limitScope: 'account',
          maxConcurrency,
          burst,
        },
        sweep: undefined,
      }),
    );
    const a = join(dir, `${name}-a`);
    const b = join(dir, `${name}-b`);
    const r = await run(['run', coupled, '--out', a, '--threads', '2', '-q', '--no-charts']);
    expect(r.status).toBe(0);
    const [before, ...after] = r.stderr.split(/(?<=\n)/);
    expect(before).toBe(
      `note: ${coupled}: its functions share platform "azure-functions"'s account-wide concurrency limit: each replication runs split by function, over threads but not shards, and runs again whole if the blocks' counts show that what they share could have run short\n`,
    );
    const r1 = await run(['run', coupled, '--out', b, '--threads', '1', '-q', '--no-charts']);
    if (maxConcurrency < 10) {
      // Both replications, once the run is done; the same words on one thread as on two.
      const again = `note: ${coupled}: 2 replications ran again in one simulation: their blocks' counts showed that platform "azure-functions"'s account-wide limits could have run short\n`;
      expect(after.join('')).toBe(again);
      expect(r1.stderr).toBe(again);
    } else {
      expect(after).toEqual([]);
      expect(r1.stderr).toBe('');
    }
    for (const k of [1, 2]) {
      const shard = join(dir, `${name}-s${k}`);
      const rs = await run(['run', coupled, '--shard', `${k}/2`, '--out', shard, '-q']);
      expect(rs.status).toBe(0);
      const file = JSON.parse(readFileSync(join(shard, `shard-${k}-of-2.json`), 'utf8'));
      // Whole runs, one to each shard: no blocks.
      expect(file.parts).toEqual([]);
      expect(file.units.length).toBe(1);
    }
    const merged = join(dir, `${name}-merged`);
    const m = await run([
      'merge',
      join(dir, `${name}-s1`),
      join(dir, `${name}-s2`),
      '--out',
      merged,
      '-q',
    ]);
    expect(m.status).toBe(0);
    for (const f of FILES) {
      const want = readFileSync(join(b, f), 'utf8');
      expect(readFileSync(join(a, f), 'utf8'), f).toBe(want);
      expect(readFileSync(join(merged, f), 'utf8'), f).toBe(want);
    }
    return JSON.parse(readFileSync(join(b, 'results.json'), 'utf8'));
  };

  it('runs a region under an account-wide limit that never binds in blocks, the same bytes', async () => {
    const results = await accountCase('roomy', 100_000, { initial: 100_000, perSecond: 1000 });
    expect(results.points[0].calls.throttled).toBe(0);
  });

  it('runs a region whose account-wide limit binds whole, the same bytes', async () => {
    const results = await accountCase('tight', 5);
    expect(results.points[0].calls.throttled).toBeGreaterThan(0);
  });
});
