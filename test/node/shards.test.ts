/**
 * Shard files as merge meets them: given as files or folders, checked before use (a broken
 * file gets "FILE: FIELD: reason" as an InputError, never a TypeError), refused when they
 * come from different trace contents or different splits.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../src/cli/errors.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import type { ReplicationData } from '../../src/experiments/recorder.ts';
import {
  assembleUnits,
  headerOf,
  runExperiment,
  runUnit,
  unitsOf,
} from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import {
  experimentFingerprint,
  readShards,
  type Shard,
  shardUnits,
  writeShard,
} from '../../src/node/shards/index.ts';
import { experiment, tempDir } from '../hardening/helpers.ts';

const dir = tempDir('coldtail-shards-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 4-run experiment (2 points x 2 replications) that replays `trace`. */
function prepared(trace = 'timestamp\n100\n900\n2500\n') {
  const raw = experiment({
    name: 'shards',
    duration: '5s',
    replications: 2,
    workload: { trace: { file: 'arrivals.csv', format: 'timestamps' } },
    sweep: { platform: ['aws-lambda-2019', 'cloudflare-workers'] },
  });
  return prepareExperiment(raw, {
    models: presetRegistry(),
    file: 'shards.json',
    readText: () => trace,
  });
}

const base = prepared();
const runs = new Map(unitsOf(headerOf(base)).map((u) => [u.id, runUnit(base, u)]));

/** Writes shard K/N of `p` into its own folder; returns the file. */
function shard(name: string, s: Shard, p = base): string {
  const data = new Map<number, ReplicationData>();
  for (const u of shardUnits(unitsOf(headerOf(p)), s)) data.set(u.id, runs.get(u.id)!);
  mkdirSync(join(dir, name), { recursive: true });
  return writeShard(join(dir, name), p, s, data);
}

const half1 = shard('half1', { index: 1, count: 2 });
const half2 = shard('half2', { index: 2, count: 2 });

/** The InputError message readShards throws, or fails the test. */
function refusal(paths: string[]): string {
  try {
    readShards(paths);
  } catch (e) {
    expect(isInputError(e), String(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('readShards accepted the shards');
}

/** A shard file as parsed, to be edited freely. */
type Json = ReturnType<typeof JSON.parse>;

/** A copy of half1 with `edit` applied to its JSON. */
function edited(name: string, edit: (json: Json) => void, prefix = ''): string {
  const json = JSON.parse(readFileSync(half1, 'utf8'));
  edit(json);
  const file = join(dir, name);
  writeFileSync(file, prefix + JSON.stringify(json));
  return file;
}

describe('shard fingerprint', () => {
  it('changes with the rows of a trace file, not only with its name', () => {
    const same = prepared('timestamp\n100\n900\n2500\n');
    const more = prepared('timestamp\n100\n900\n2500\n4000\n');
    expect(experimentFingerprint(same)).toBe(experimentFingerprint(base));
    expect(experimentFingerprint(more)).not.toBe(experimentFingerprint(base));
  });

  it('makes merge refuse shards run on different trace contents, naming both', () => {
    const other = shard('other-trace', { index: 2, count: 2 }, prepared('timestamp\n100\n'));
    const message = refusal([half1, other]);
    expect(message).toContain(half1);
    expect(message).toContain(other);
    expect(message).toMatch(/trace files/);
  });
});

describe('readShards', () => {
  it('reads back what runs with warmers and a timeline wrote, as a single run assembles it', () => {
    const p = prepareExperiment(
      experiment({
        name: 'recorded',
        duration: '2min',
        replications: 2,
        timeline: { window: '10s' },
        warmers: { period: '1min' },
        workload: { burst: { base: 1, peak: 20, at: '30s', duration: '20s' } },
      }),
      { models: presetRegistry(), file: 'recorded.json' },
    );
    const units = unitsOf(headerOf(p));
    const folder = join(dir, 'recorded');
    mkdirSync(folder, { recursive: true });
    for (const index of [1, 2]) {
      const data = new Map<number, ReplicationData>();
      for (const u of shardUnits(units, { index, count: 2 })) data.set(u.id, runUnit(p, u));
      writeShard(folder, p, { index, count: 2 }, data);
    }
    const read = readShards([folder]);
    expect(JSON.stringify(assembleUnits(read.header, read.data).results)).toBe(
      JSON.stringify(runExperiment(p).results),
    );
  });

  it('takes shard files as well as folders, each file once', () => {
    const r = readShards([half1, join(dir, 'half1'), join(dir, 'half2')]);
    expect([...r.data.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(r.files).toEqual([half1, half2]);
  });

  it('takes files that start with a byte-order mark', () => {
    const bom = edited('bom.json', () => {}, '\ufeff');
    expect(readShards([bom, half2]).data.size).toBe(4);
  });

  it('says that shards of 1/2 and 1/3 split the runs differently, naming both', () => {
    const third = shard('third1', { index: 1, count: 3 });
    const message = refusal([half1, third]);
    expect(message).toMatch(/split the runs differently/);
    expect(message).toContain('1/2');
    expect(message).toContain('1/3');
    expect(message).toContain(half1);
    expect(message).toContain(third);
  });

  it('names the missing shards and the file that lost a run', () => {
    expect(refusal([half1])).toBe('the shards cover 2 of 4 runs; missing shard 2/2');
    const lost = edited('lost.json', (j) => j.units.pop());
    expect(refusal([lost, half2])).toBe(
      `${lost}: units: run 2 of shard 1/2 is missing (the shards cover 3 of 4 runs)`,
    );
  });

  it('refuses the same shard twice, and a run in the wrong shard', () => {
    const copy = edited('copy.json', () => {});
    expect(refusal([half1, copy, half2])).toBe(`${half1}: shard 1/2 again (also ${copy})`);
    const moved = edited('moved.json', (j) => {
      j.units[0].id = 1;
    });
    expect(refusal([moved])).toBe(`${moved}: units[0].id: run 1 is not in shard 1/2`);
  });

  const broken: [string, (j: Json) => void, string][] = [
    [
      'only a format',
      (j) => {
        for (const k of Object.keys(j)) if (k !== 'format') delete j[k];
      },
      'missing required field "version"',
    ],
    ['units not a list', (j) => (j.units = {}), 'units: must be an array (got object)'],
    [
      'a blanked unit',
      (j) => (j.units[1].data = {}),
      'units[1].data: missing required field "endToEnd"',
    ],
    [
      'no breakdown',
      (j) => (j.units[1].data.breakdown = null),
      'units[1].data.breakdown: must be an array (got null)',
    ],
    [
      'a stage short',
      (j) => j.units[0].data.stages.pop(),
      'units[0].data.stages: must have at least 7 items (got 6)',
    ],
    [
      'a bad count',
      (j) => (j.units[0].data.endToEnd.count += 1),
      'units[0].data.endToEnd.count: is 4, but zero and the buckets hold 3 values',
    ],
    ['no points', (j) => delete j.header.points, 'header: missing required field "points"'],
    [
      'a huge breakdown',
      (j) => (j.units[0].data.breakdownLength = 1e15),
      'units[0].data.breakdownLength: must be <= 3600 (got 1000000000000000)',
    ],
    [
      'a newer format',
      (j) => (j.format = 'coldtail-shard/5'),
      'format: "coldtail-shard/5" is not one this version reads (coldtail-shard/4)',
    ],
    [
      'the format of coldtail before blocks shared their integers (a whole record per block)',
      (j) => (j.format = 'coldtail-shard/3'),
      'format: "coldtail-shard/3" was written by an older coldtail, whose shards this version cannot merge: run the shards again with this version',
    ],
    [
      'the format of coldtail before region splits (whole runs only)',
      (j) => (j.format = 'coldtail-shard/2'),
      'format: "coldtail-shard/2" was written by an older coldtail, whose shards this version cannot merge: run the shards again with this version',
    ],
    [
      'the format of an older coldtail',
      (j) => (j.format = 'coldtail-shard/1'),
      'format: "coldtail-shard/1" was written by an older coldtail, whose shards this version cannot merge: run the shards again with this version',
    ],
    // Tampered values that kept the totals adding up, or that no run can record.
    [
      'a negative zero count balanced by a bucket',
      (j) => {
        const h = j.units[0].data.endToEnd;
        h.zero = -5;
        h.buckets[0][1] += 5;
      },
      'units[0].data.endToEnd.zero: must be >= 0 (got -5)',
    ],
    [
      'a negative number of arrivals',
      (j) => (j.units[0].data.arrivals = -5),
      'units[0].data.arrivals: must be >= 0 (got -5)',
    ],
    [
      'an impossible number of completed calls',
      (j) => (j.units[0].data.completed = 1e308),
      'units[0].data.completed: must be <= 9007199254740991 (got 1e+308)',
    ],
    [
      'a fractional count',
      (j) => (j.units[0].data.throttled = 0.5),
      'units[0].data.throttled: must be an integer (got 0.5)',
    ],
    [
      'a min above the max',
      (j) => {
        const h = j.units[0].data.endToEnd;
        h.min = h.max + 1;
      },
      'units[0].data.endToEnd.min: is above max',
    ],
    [
      'a max below its buckets',
      (j) => {
        const h = j.units[0].data.endToEnd;
        h.max = h.min;
      },
      'units[0].data.endToEnd.max: is below the values of bucket',
    ],
    [
      'more completed calls than arrivals',
      (j) => (j.units[0].data.arrivals = 0),
      'units[0].data.arrivals: is 0, fewer than the calls that ended',
    ],
    [
      'completed calls the histograms do not hold',
      (j) => {
        j.units[0].data.completed += 1;
        j.units[0].data.arrivals += 1;
      },
      'units[0].data.endToEnd.count: is 3, not the 4 completed calls',
    ],
    [
      'a stage histogram of other calls',
      (j) => {
        const h = j.units[0].data.stages[2];
        h.count += 1;
        h.zero += 1;
        h.min = 0;
      },
      'units[0].data.stages[2].count: is 4, not the 3 completed calls',
    ],
    [
      'more cold starts than the run had events',
      (j) => (j.units[0].data.coldStarts = 1e9),
      'units[0].data.coldStarts: is 1000000000, more than the ',
    ],
    [
      'a negative cost',
      (j) => (j.units[0].data.cost.usd = -1),
      'units[0].data.cost.usd: must be >= 0 (got -1)',
    ],
    [
      'one run with warmers and one without',
      (j) => (j.units[0].data.warmers = { calls: 0, cold: 0 }),
      'units[0].data.warmers: this run has warmers, ',
    ],
    ['a shard 5 of 2', (j) => (j.shard.index = 5), 'shard.index: must be at most the count (2)'],
    [
      'a fingerprint that is no hash',
      (j) => (j.fingerprint = 'abc'),
      'fingerprint: must be a SHA-256 in hex (got "abc")',
    ],
  ];
  for (const [name, edit, reason] of broken) {
    it(`refuses a shard file with ${name}: FILE: FIELD: reason`, () => {
      const file = edited(`${name.replaceAll(' ', '-')}.json`, edit);
      expect(refusal([file, half2])).toContain(`${file}: ${reason}`);
      expect(refusal([file, half2]).startsWith(file)).toBe(true);
    });
  }
});
