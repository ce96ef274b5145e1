import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

/** Files made here in each documented format, read as the CLI would hand them over. */
const FILES: Record<string, string> = {
  'counts.csv':
    'HashOwner,HashApp,HashFunction,Trigger,1,2,3,4,5\no1,a1,f1,http,3,0,2,0,1\no1,a1,f2,timer,1,1,1,1,1\no1,a2,f1,queue,0,0,0,0,0\n',
  'durations.csv':
    'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\no1,a1,f1,100,6,100,100,100,100,100,100,100,100,100\n',
  'memory.csv':
    'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\no1,a1,10,300,1,1,1,1,1,1,1,1\n',
  'bad-durations.csv':
    'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\no1,a1,f1,1,1,1,1,1,1,1,1,1,1,1\no1,a1,f2,1,1,1,1,1,1,1,1,1,1,oops\n',
  'inv2021.csv':
    'app,func,end_timestamp,duration\nA,f,10.5,0.5\nA,g,30,2\nA,f,70.25,0.25\nB,f,100,0.04\nA,f,200,1\n',
  'day_00.csv': 'day,time,0,1,2\n0,0,2,,\n0,60,,1,\n0,120,1.0,,\n',
};
const readText = (file: string) => {
  if (!(file in FILES)) throw new Error('no such file');
  return FILES[file];
};

const BASE = {
  duration: '10min',
  replications: 1,
  platform: platformModel({ coldStart: { sandbox: '1s' }, keepAlive: 'forever' }),
  function: { execution: '10ms' },
};

describe('a trace of many functions, each into its own pool', () => {
  it('Azure 2019 complete: counts, each function its own execution and its app memory', () => {
    const prepared = prepare(
      {
        ...BASE,
        workload: {
          trace: {
            file: 'counts.csv',
            format: 'azure',
            durations: 'durations.csv',
            memory: 'memory.csv',
          },
        },
      },
      readText,
    );
    const r = prepared.points[0].resolved;
    // The function with no calls in the file is left out; f1 and f2 of a1 get their own pools.
    expect(r.sources[0].functions!.map((f) => f.name)).toEqual(['a1/f1', 'a1/f2']);
    const f1 = r.functions.find((f) => f.name === 'a1/f1')!;
    const f2 = r.functions.find((f) => f.name === 'a1/f2')!;
    expect(f1.execution.mean).toBe(100);
    // Without a durations row: the experiment's function.execution.
    expect(f2.execution.mean).toBe(10);
    expect([f1.memoryMB, f2.memoryMB]).toEqual([300, 300]);
    const out = runExperiment(prepared);
    const rows = out.functionRows![0];
    expect(rows.map((x) => [x.name, x.calls, x.cold])).toEqual([
      ['a1/f1', 6, 1],
      ['a1/f2', 5, 1],
    ]);
    // Warm calls take the function's own time; the p99 (a cold call's 1 s + its execution).
    expect(rows[0].p99! / 1100).toBeCloseTo(1, 1);
    expect(rows[1].p99! / 1010).toBeCloseTo(1, 1);
  });

  it('Azure 2021: each app/func replays its own invocations with its recorded durations', () => {
    const out = runExperiment(
      prepare(
        { ...BASE, workload: { trace: { file: 'inv2021.csv', format: 'azure2021' } } },
        readText,
      ),
    );
    const rows = out.functionRows![0];
    expect(rows.map((x) => [x.name, x.calls, x.cold])).toEqual([
      ['A/f', 3, 1],
      ['A/g', 1, 1],
      ['B/f', 1, 1],
    ]);
    // One call of B/f: its cold start and its 40 ms.
    expect(rows[2].p99! / 1040).toBeCloseTo(1, 1);
  });

  it('Huawei 2023: each function column its own pool and its requests per minute', () => {
    const out = runExperiment(
      prepare(
        { ...BASE, workload: { trace: { file: 'day_00.csv', format: 'huawei2023' } } },
        readText,
      ),
    );
    expect(out.functionRows![0].map((x) => [x.name, x.calls])).toEqual([
      ['0', 3],
      ['1', 1],
    ]);
  });

  it('still replays into the entry function when asked to', () => {
    const out = runExperiment(
      prepare(
        {
          ...BASE,
          workload: { trace: { file: 'inv2021.csv', format: 'azure2021', pools: 'entry' } },
        },
        readText,
      ),
    );
    expect(out.functionRows).toBeUndefined();
    expect(out.results.points[0].calls.completed).toBe(5);
  });

  it('names a damaged row of any of its files before the run, with the field that named it', () => {
    try {
      prepare(
        {
          ...BASE,
          workload: {
            trace: { file: 'counts.csv', format: 'azure', durations: 'bad-durations.csv' },
          },
        },
        readText,
      );
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).message).toBe(
        'experiment: workload[0].trace.durations: bad-durations.csv:3: percentile_Average_100: must be a non-negative number (got "oops")',
      );
    }
  });

  it('refuses durations with a format that has none', () => {
    expect(() =>
      prepare(
        {
          ...BASE,
          workload: {
            trace: { file: 'inv2021.csv', format: 'azure2021', durations: 'durations.csv' },
          },
        },
        readText,
      ),
    ).toThrow(/durations: goes with the "azure" format/);
  });
});
