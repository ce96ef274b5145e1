/**
 * Reading files a user may have edited or saved from another editor: results.json checked for
 * the shapes the charts walk ("FILE: FIELD: reason" as an InputError), a TypeError from what
 * the checks miss turned into an InputError, and JSON with a byte-order mark accepted.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { readJson } from '../../src/node/files.ts';
import { InputError } from '../../src/node/inputError.ts';
import { loadExperiment } from '../../src/node/loadExperiment.ts';
import { readable, readResults } from '../../src/node/readResults.ts';
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
    expect(e).toBeInstanceOf(InputError);
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
    expect(refusal(stage)).toBe(`${stage}: points[1].stages.gateway: must be an object (missing)`);
    const axes = file('axes.json', (j) => {
      j.axes = 'perSecond';
    });
    expect(refusal(axes)).toBe(`${axes}: axes: must be a list (got string "perSecond")`);
    const cdf = file('cdf.json', (j) => {
      j.points[0].cdf[3] = [0.1];
    });
    expect(refusal(cdf)).toBe(`${cdf}: points[0].cdf[3][1]: must be a number (missing)`);
    const title = file('title.json', (j) => {
      j.experiment.title = [];
    });
    expect(refusal(title)).toMatch(new RegExp(`^${title}: experiment\\.title: must be a string`));
  });

  it("checks the experiment's own charts as an experiment file's", () => {
    const unknown = file('unknown-chart.json', (j) => {
      j.experiment.charts = ['percentileCurves', 'tailPlott'];
    });
    expect(refusal(unknown)).toBe(`${unknown}: experiment.charts[1]: unknown chart "tailPlott"`);
    const option = file('bad-option.json', (j) => {
      j.experiment.charts = [{ name: 'tailPlot', options: { points: 'all' } }];
    });
    expect(refusal(option)).toMatch(
      /bad-option\.json: experiment\.charts: chart "tailPlot": option "points"/,
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

describe('readable', () => {
  const boom = (): number => (null as unknown as { count: number }).count;

  it('turns a TypeError from using a file into an InputError naming it', async () => {
    expect(() => readable('r.json', 'a coldtail results.json this version can read', boom)).toThrow(
      /^r\.json: not a coldtail results\.json this version can read \(Cannot read properties of null/,
    );
    await expect(readable('r.json', 'what this reads', async () => boom())).rejects.toBeInstanceOf(
      InputError,
    );
  });

  it('lets other errors through', () => {
    expect(() =>
      readable('r.json', 'x', () => {
        throw new RangeError('a bug');
      }),
    ).toThrow(RangeError);
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
