/**
 * A workload of many functions on worker threads: a population drawn from the experiment's seed
 * and a trace replayed function by function (its three Azure 2019 files handed over, parsed) give
 * the same per-function tables, and the same bytes, on two threads as on this one.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import { headerOf, runUnit, unitsOf } from '../../src/experiments/runExperiment.ts';
import { loadExperiment, newInputs } from '../../src/node/loadExperiment.ts';
import { runUnitsOnThreads } from '../../src/node/threads.ts';
import { experiment, tempDir, writeFiles } from '../hardening/helpers.ts';

const dir = tempDir('coldtail-region-threads-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DURATIONS =
  'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\no1,a1,f1,100,6,20,900,20,25,50,100,150,800,900\n';
const MEMORY =
  'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\no1,a1,10,300,1,1,1,1,1,1,1,1\n';
const COUNTS = `HashOwner,HashApp,HashFunction,Trigger,${Array.from({ length: 10 }, (_, i) => i + 1).join(',')}\no1,a1,f1,http,${Array(10).fill(30).join(',')}\no1,a2,f2,timer,${Array(10).fill(1).join(',')}\n`;

describe('a region on worker threads', () => {
  it('gives the same bytes on two threads as on one', async () => {
    const files = writeFiles(dir, {
      'region.json': experiment({
        name: 'region',
        duration: '10min',
        replications: 2,
        workload: [
          { population: { functions: 50, maxPerSecond: 1 } },
          {
            trace: {
              file: 'counts.csv',
              format: 'azure',
              durations: 'durations.csv',
              memory: 'memory.csv',
            },
          },
        ],
        sweep: { 'platformOverrides.keepAlive': ['1min', '10min'] },
      }),
      'counts.csv': COUNTS,
      'durations.csv': DURATIONS,
      'memory.csv': MEMORY,
    });
    const inputs = newInputs();
    const prepared = loadExperiment(files['region.json'], { inputs });
    const units = unitsOf(headerOf(prepared));
    // Without `events`: a replication split by function counts each part's simulation's events
    // (regionSplit.ts), the one number of a run that depends on how it was split; no result
    // reads it.
    const bytes = (d: ReturnType<typeof runUnit>) => {
      const { events: _events, ...rest } = replicationToJSON(d);
      return JSON.stringify(rest);
    };
    const expected = units.map((u) => bytes(runUnit(prepared, u)));
    expect(JSON.parse(expected[0]).functions.names).toHaveLength(52);
    const { data } = await runUnitsOnThreads(
      prepared,
      { file: files['region.json'], inputs },
      units,
      {
        threads: 2,
      },
    );
    expect(units.map((u) => bytes(data.get(u.id)!))).toEqual(expected);
  });
});
