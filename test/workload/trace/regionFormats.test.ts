import { describe, expect, it } from 'vitest';
import { TraceError } from '../../../src/workload/trace/index.ts';
import { parseAzure2021Csv } from '../../../src/workload/trace/parseAzure2021Csv.ts';
import { parseAzureDurationsCsv } from '../../../src/workload/trace/parseAzureDurationsCsv.ts';
import { parseAzureMemoryCsv } from '../../../src/workload/trace/parseAzureMemoryCsv.ts';
import { parseHuawei2023Csv } from '../../../src/workload/trace/parseHuawei2023Csv.ts';

function messageOf(parse: () => unknown): string {
  try {
    parse();
  } catch (e) {
    if (e instanceof TraceError) return e.message;
    throw e;
  }
  throw new Error('expected a TraceError');
}

/** The text cut into chunks of `size` characters, as a file is read: lines split anywhere. */
function* chunks(text: string, size: number): Iterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

// The documented columns (AzureFunctionsDataset2019.md), in the documented order.
const DURATIONS_HEADER =
  'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100';

describe('Azure 2019 durations file', () => {
  const text = `${DURATIONS_HEADER}\no1,a1,f1,120,40,10,900,10,12,50,100,150,800,900\no1,a1,f2,5,3,,,5,5,5,5,5,5,5\n`;

  it('reads each function seven percentiles by app and function, by column name', () => {
    const d = parseAzureDurationsCsv(text, 'durations.csv');
    expect([...d.keys()]).toEqual(['a1/f1', 'a1/f2']);
    expect(d.get('a1/f1')).toEqual([10, 12, 50, 100, 150, 800, 900]);
    // Minimum and Maximum may be missing (the dataset notes so): not read.
    expect(d.get('a1/f2')).toEqual([5, 5, 5, 5, 5, 5, 5]);
    // Streamed in chunks that split lines anywhere: the same.
    expect(parseAzureDurationsCsv(chunks(text, 7), 'durations.csv')).toEqual(d);
  });

  it('names the file, line and column of a bad row', () => {
    const bad = `${DURATIONS_HEADER}\no1,a1,f1,1,1,1,1,1,1,1,1,1,1,1\no1,a1,f2,1,1,1,1,1,1,1,x,1,1,1\n`;
    expect(messageOf(() => parseAzureDurationsCsv(bad, 'd.csv'))).toBe(
      'd.csv:3: percentile_Average_50: must be a non-negative number (got "x")',
    );
    const down = `${DURATIONS_HEADER}\no1,a1,f1,1,1,1,1,1,2,3,4,3,5,6\n`;
    expect(messageOf(() => parseAzureDurationsCsv(down, 'd.csv'))).toMatch(
      /^d\.csv:2: percentile_Average_75: must not be less than percentile_Average_50/,
    );
    expect(messageOf(() => parseAzureDurationsCsv('HashOwner,HashApp\n', 'd.csv'))).toMatch(
      /^d\.csv:1: header: no "HashFunction" column/,
    );
    expect(messageOf(() => parseAzureDurationsCsv(`${DURATIONS_HEADER}\no1,a1\n`, 'd.csv'))).toBe(
      'd.csv:2: row: expected 14 columns, got 2',
    );
  });
});

const MEMORY_HEADER =
  'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100';

describe('Azure 2019 memory file', () => {
  it("reads each application's average allocated memory", () => {
    const text = `${MEMORY_HEADER}\no1,a1,100,150.5,100,110,120,140,160,200,250,300\n`;
    expect(parseAzureMemoryCsv(text, 'm.csv')).toEqual(new Map([['a1', 150.5]]));
  });

  it('names the file, line and column of a bad row', () => {
    const bad = `${MEMORY_HEADER}\no1,a1,100,-3,1,1,1,1,1,1,1,1\n`;
    expect(messageOf(() => parseAzureMemoryCsv(bad, 'm.csv'))).toBe(
      'm.csv:2: AverageAllocatedMb: must be a non-negative number (got "-3")',
    );
  });
});

describe('Azure 2021 invocation trace', () => {
  // The documented columns, a row per invocation, not in time order.
  const text =
    'app,func,end_timestamp,duration\nA,f,10.5,0.5\nA,g,3,1\nB,f,2.25,0.25\nA,f,5.134,0.134\nA,f,0.1,0.3\n';

  it('gives each app/func its start times (end - duration) and durations, in ms, sorted', () => {
    const fns = parseAzure2021Csv(text, 'inv.csv');
    expect(fns.map((f) => f.name)).toEqual(['A/f', 'A/g', 'B/f']);
    const af = fns[0];
    // 0.1 - 0.3 is before the trace began: the call was running when recording started.
    expect(Array.from(af.starts)).toEqual([0, 5000, 10_000]);
    expect(Array.from(af.durations).map((d) => Math.round(d))).toEqual([134, 300, 500]);
    expect(Array.from(fns[1].starts)).toEqual([2000]);
    expect(parseAzure2021Csv(chunks(text, 5), 'inv.csv')).toEqual(fns);
  });

  it('names the file, line and column of a bad row', () => {
    expect(messageOf(() => parseAzure2021Csv(`${text}A,f,12,abc\n`, 'inv.csv'))).toBe(
      'inv.csv:7: duration: must be a non-negative number (got "abc")',
    );
    expect(
      messageOf(() => parseAzure2021Csv('app,func,end_timestamp,duration\n,f,1,1\n', 'inv.csv')),
    ).toBe('inv.csv:2: app: must not be empty');
    expect(messageOf(() => parseAzure2021Csv('app,func,end,duration\n', 'inv.csv'))).toMatch(
      /^inv\.csv:1: header: no "end_timestamp" column/,
    );
  });
});

describe('Huawei 2023 public requests per minute', () => {
  // day, time (seconds from day 0), one column per function id; empty: no requests.
  const text = 'day,time,0,1,2\n3,259200,,2,1.0\n3,259260,4,,0\n3,259320,,,\n';

  it('gives each function its counts per minute from the file first row', () => {
    const h = parseHuawei2023Csv(text, 'day_03.csv');
    expect(h.names).toEqual(['0', '1', '2']);
    expect(h.counts.map((c) => Array.from(c))).toEqual([
      [0, 4, 0],
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(parseHuawei2023Csv(chunks(text, 4), 'day_03.csv')).toEqual(h);
  });

  it('names the file, line and column of a bad row', () => {
    expect(messageOf(() => parseHuawei2023Csv('day,time,0,1\n0,0,1,2.5\n', 'day_00.csv'))).toBe(
      'day_00.csv:2: 1: must be a whole number of requests in [0, 4294967295] or empty (got "2.5")',
    );
    expect(messageOf(() => parseHuawei2023Csv('day,time,0\n0,0,1\n0,120,1\n', 'day_00.csv'))).toBe(
      'day_00.csv:3: time: must be one minute after the row before (60) (got "120")',
    );
    expect(messageOf(() => parseHuawei2023Csv('time,day,0\n', 'day_00.csv'))).toMatch(
      /^day_00\.csv:1: header: expected day,time then one column per function/,
    );
  });
});
