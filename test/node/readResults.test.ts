/**
 * Reading files a user may have edited or saved from another editor: results.json checked by its
 * schema, shapes and bounds ("FILE: FIELD: reason", an input error: exit 2), and JSON with a
 * byte-order mark accepted.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../src/cli/errors.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { readJson } from '../../src/node/files.ts';
import { InputError } from '../../src/node/inputError.ts';
import { loadExperiment } from '../../src/node/loadExperiment.ts';
import { readResults } from '../../src/node/readResults.ts';
import { experiment, tempDir, writeFiles } from '../hardening/helpers.ts';

const dir = tempDir('coldtail-read-results-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOM = '\ufeff';

const results = runExperiment(
  prepareExperiment(
    experiment({ duration: '5s', sweep: { 'workload.poisson.perSecond': [2, 4] } }),
    {
      models: presetRegistry(),
    },
  ),
).results;

/** results.json with `edit` applied, as a file; returns its path. */
function file(name: string, edit: (json: ReturnType<typeof JSON.parse>) => void = () => {}) {
  const json = JSON.parse(JSON.stringify(results));
  edit(json);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

function refusal(path: string): string {
  try {
    readResults(path);
  } catch (e) {
    expect(isInputError(e), String(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('readResults accepted the file');
}

describe('readResults', () => {
  it('reads what a run wrote', () => {
    expect(readResults(file('ok.json'))).toEqual(results);
  });

  it('names the file, the field and the reason for a shape the charts would trip on', () => {
    const nulled = file('null.json', (j) => {
      j.points[0].endToEnd = null;
    });
    expect(refusal(nulled)).toBe(`${nulled}: points[0].endToEnd: must be an object (got null)`);
    const stage = file('stage.json', (j) => {
      delete j.points[1].stages.gateway;
    });
    expect(refusal(stage)).toBe(`${stage}: points[1].stages: missing required field "gateway"`);
    const axes = file('axes.json', (j) => {
      j.axes = 'perSecond';
    });
    expect(refusal(axes)).toBe(`${axes}: axes: must be an array (got string "perSecond")`);
    const cdf = file('cdf.json', (j) => {
      j.points[0].cdf[3] = [0.1];
    });
    expect(refusal(cdf)).toBe(`${cdf}: points[0].cdf[3]: must have exactly 2 items (got 1)`);
    const title = file('title.json', (j) => {
      j.experiment.title = [];
    });
    expect(refusal(title)).toBe(`${title}: experiment.title: must be a string (got array)`);
    const extra = file('extra.json', (j) => {
      j.points[0].calls.arrivalz = 3;
    });
    expect(refusal(extra)).toBe(
      `${extra}: points[0].calls: unknown field "arrivalz"; did you mean "arrivals"?`,
    );
  });

  // Values no run can write: each would draw a wrong chart, or none, without a word.
  const impossible: [string, (j: ReturnType<typeof JSON.parse>) => void, string][] = [
    [
      'negative arrivals',
      (j) => (j.points[0].calls.arrivals = -5),
      'points[0].calls.arrivals: must be >= 0 (got -5)',
    ],
    [
      'a count of 1e308',
      (j) => (j.points[0].calls.completed = 1e308),
      'points[0].calls.completed: must be <= 9007199254740991 (got 1e+308)',
    ],
    [
      'calls that do not add up',
      (j) => (j.points[0].calls.completed += 1),
      'points[0].calls.arrivals: is',
    ],
    [
      'a p99 below the p90',
      (j) => (j.points[0].endToEnd.p99.value = j.points[0].endToEnd.p90.value / 2),
      'points[0].endToEnd.p99.value: is below p95',
    ],
    [
      'a p999 above the max',
      (j) => (j.points[1].endToEnd.p999.value = j.points[1].endToEnd.max * 2),
      'points[1].endToEnd.p999.value: is above the max',
    ],
    [
      'a negative latency',
      (j) => (j.points[0].stages.queue.p50.value = -1),
      'points[0].stages.queue.p50.value: must be >= 0 (got -1)',
    ],
    [
      'a cold share above 1',
      (j) => (j.points[0].cold.share.value = 1.5),
      'points[0].cold.share.value: must be <= 1 (got 1.5)',
    ],
    [
      'a CDF that falls',
      (j) => (j.points[0].cdf[5][1] = 0),
      'points[0].cdf[5][1]: latency must not fall',
    ],
    [
      'millions of CDF pairs',
      (j) => (j.points[0].cdf = Array.from({ length: 20_000 }, (_, i) => [i / 20_000, i])),
      'points[0].cdf: must have at most 10000 items (got 20000)',
    ],
    [
      'a timeline series short of a window',
      (j) => {
        j.points[0].timeline = {
          widthMs: 1000,
          t: [0, 1000],
          starting: [0],
          busy: [0, 0],
          idle: [0, 0],
          arrivals: [0, 0],
          throttled: [0, 0],
          p99: [null, null],
        };
      },
      'points[0].timeline.starting: must hold one value per window (2), got 1',
    ],
    [
      'a histogram count that is not the completed calls',
      (j) => (j.points[0].endToEnd.count += 1),
      'points[0].endToEnd.count: is',
    ],
  ];
  for (const [name, edit, reason] of impossible) {
    it(`refuses ${name}, naming the file and the field`, () => {
      const path = file(`${name.replaceAll(' ', '-')}.json`, edit);
      expect(refusal(path)).toContain(`${path}: ${reason}`);
    });
  }

  it("checks the experiment's own charts as an experiment file's", () => {
    const unknown = file('unknown-chart.json', (j) => {
      j.experiment.charts = ['percentileCurves', 'tailPlott'];
    });
    expect(refusal(unknown)).toMatch(
      new RegExp(
        `^${unknown}: experiment\\.charts\\[1\\]: must be one of .*; did you mean "tailPlot"\\?$`,
      ),
    );
    const option = file('bad-option.json', (j) => {
      j.experiment.charts = [{ name: 'tailPlot', options: { points: 'all' } }];
    });
    expect(refusal(option)).toBe(
      `${option}: experiment.charts[0].options.points: must be an array (got string "all")`,
    );
  });

  it('says a file that is no results.json is not one', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '[1, 2]');
    expect(refusal(other)).toBe(
      `${other}: not a coldtail results.json (no "experiment" and "points")`,
    );
  });
});

describe('readJson', () => {
  it('skips a leading byte-order mark, in experiment, model and results files', () => {
    const files = writeFiles(dir, {
      'bom-model.json': `${BOM}${JSON.stringify({
        kind: 'platform',
        name: 'bom-platform',
        description: 'saved by an editor that writes a BOM',
        source: ['test'],
      })}`,
      'bom-experiment.json': `${BOM}${JSON.stringify(experiment({ platform: 'bom-model.json' }))}`,
      'bom-results.json': `${BOM}${readFileSync(file('plain.json'), 'utf8')}`,
    });
    expect(loadExperiment(files['bom-experiment.json']).spec.name).toBe('hostile');
    expect(readResults(files['bom-results.json'])).toEqual(results);
  });

  it('still refuses other invisible characters', () => {
    const path = join(dir, 'zwsp.json');
    writeFileSync(path, '\u200b{}');
    expect(() => readJson(path)).toThrow(InputError);
  });
});
