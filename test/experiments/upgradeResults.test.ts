import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upgradeResults } from '../../src/experiments/results.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { readResults } from '../../src/node/readResults.ts';
import { STAGES } from '../../src/platform/call.ts';
import { prepare } from './experimentHelpers.ts';

/** Results as an older coldtail wrote them: the front end stage under its old name. */
function asWrittenBefore(results: unknown): Record<string, unknown> {
  const old = JSON.parse(JSON.stringify(results));
  for (const p of old.points) {
    for (const o of [p.stages, p.breakdown.p50, p.breakdown.p99]) {
      o.scheduler = o.frontEnd;
      delete o.frontEnd;
    }
    delete p.drain;
    for (const k of ['servedFresh', 'waitedOnStart', 'servedFreshCalls', 'waitedOnStartCalls']) {
      delete p.cold[k];
    }
  }
  return old;
}

describe('older results.json files', () => {
  const results = runExperiment(
    prepare({
      duration: '20s',
      replications: 2,
      platform: 'aws-lambda-2019',
      workload: { poisson: { perSecond: 5 } },
    }),
  ).results;

  it('read the scheduler stage as the front end, with the same numbers', () => {
    expect(STAGES).toContain('frontEnd');
    expect(STAGES).not.toContain('scheduler');
    const upgraded = upgradeResults(asWrittenBefore(results)) as typeof results;
    expect(upgraded.points[0].stages.frontEnd).toEqual(results.points[0].stages.frontEnd);
    expect(upgraded.points[0].breakdown.p99!.frontEnd).toBe(
      results.points[0].breakdown.p99!.frontEnd,
    );
    expect('scheduler' in upgraded.points[0].stages).toBe(false);
  });

  it('are read by readResults, which would refuse them without the rename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-old-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(asWrittenBefore(results)));
    const read = readResults(file);
    expect(read.points[0].stages.frontEnd.p50).toEqual(results.points[0].stages.frontEnd.p50);
    expect(read.points[0].cold.waitedOnStart).toBeUndefined();
  });
});
