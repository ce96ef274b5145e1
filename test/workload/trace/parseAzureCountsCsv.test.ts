import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAzureCountsCsv, TraceError } from '../../../src/workload/trace/index.ts';

function errorOf(text: string, file = 'azure.csv'): TraceError {
  try {
    parseAzureCountsCsv(text, file);
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error('expected a TraceError');
}

const HEADER = 'HashOwner,HashApp,HashFunction,Trigger,1,2,3';

describe('parseAzureCountsCsv', () => {
  it('keeps every field and the counts per minute, in file order', () => {
    const text = `${HEADER}\r\no1,a1,f1,http,0,5,4294967295\r\no1,a2,f2,timer,1,0,0\r\n`;
    expect(parseAzureCountsCsv(text, 'azure.csv')).toEqual([
      {
        owner: 'o1',
        app: 'a1',
        function: 'f1',
        trigger: 'http',
        counts: Uint32Array.from([0, 5, 4294967295]),
      },
      {
        owner: 'o1',
        app: 'a2',
        function: 'f2',
        trigger: 'timer',
        counts: Uint32Array.from([1, 0, 0]),
      },
    ]);
  });

  it('accepts a single minute column', () => {
    const [row] = parseAzureCountsCsv(
      'HashOwner,HashApp,HashFunction,Trigger,1\no,a,f,queue,7',
      'x',
    );
    expect(row.counts).toEqual(Uint32Array.from([7]));
  });

  it('rejects a bad header', () => {
    expect(errorOf('HashOwner,HashApp,HashFunction,Trigger\n').message).toBe(
      'azure.csv:1: header: expected HashOwner,HashApp,HashFunction,Trigger then minute columns 1,2,... (got "HashOwner,HashApp,HashFunction,Trigger")',
    );
    expect(errorOf('HashOwner,HashApp,Function,Trigger,1\n').message).toBe(
      'azure.csv:1: header: column 3 must be "HashFunction" (got "Function")',
    );
    expect(errorOf('HashOwner,HashApp,HashFunction,Trigger,1,3\n').message).toBe(
      'azure.csv:1: header: column 6 must be the minute "2" (got "3")',
    );
    expect(errorOf('HashOwner,HashApp,HashFunction,Trigger,0,1\n').message).toBe(
      'azure.csv:1: header: column 5 must be the minute "1" (got "0")',
    );
  });

  it('rejects negative, non-integer and too large counts, naming line and minute', () => {
    expect(errorOf(`${HEADER}\no,a,f,http,1,2,3\no,a,g,http,0,-1,0\n`).message).toBe(
      'azure.csv:3: minute 2: must be an integer in [0, 4294967295] (got "-1")',
    );
    const e = errorOf(`${HEADER}\n\no,a,f,http,1,2,2.5\n`);
    expect(e.message).toBe(
      'azure.csv:3: minute 3: must be an integer in [0, 4294967295] (got "2.5")',
    );
    expect([e.line, e.field]).toEqual([3, 'minute 3']);
    expect(errorOf(`${HEADER}\no,a,f,http,4294967296,0,0\n`).message).toBe(
      'azure.csv:2: minute 1: must be an integer in [0, 4294967295] (got "4294967296")',
    );
    expect(errorOf(`${HEADER}\no,a,f,http,1,,1\n`).message).toBe(
      'azure.csv:2: minute 2: must be an integer in [0, 4294967295] (got "")',
    );
  });

  it('rejects a row with the wrong number of columns', () => {
    expect(errorOf(`${HEADER}\no,a,f,http,1,2\n`).message).toBe(
      'azure.csv:2: row: expected 7 columns, got 6',
    );
    expect(errorOf(`${HEADER}\no,a,f,http,1,2,3,4\n`).message).toBe(
      'azure.csv:2: row: expected 7 columns, got 8',
    );
  });

  it('rejects empty keys and an empty trace', () => {
    expect(errorOf(`${HEADER}\no,a,,http,1,2,3\n`).message).toBe(
      'azure.csv:2: HashFunction: must not be empty',
    );
    expect(errorOf('').message).toBe('azure.csv:1: header: missing (the file is empty)');
    expect(errorOf(`${HEADER}\n`).message).toBe(
      'azure.csv:1: trace: no functions after the header',
    );
  });

  it('parses the shipped sample: 5 functions x 30 minutes', () => {
    const url = new URL('../../../models/traces/azure-sample.csv', import.meta.url);
    const rows = parseAzureCountsCsv(readFileSync(url, 'utf8'), 'azure-sample.csv');
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.trigger)).toEqual(['http', 'timer', 'http', 'queue', 'event']);
    for (const r of rows) {
      expect(r.counts).toHaveLength(30);
      expect(r.function).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(rows.map((r) => r.function)).size).toBe(5);
    expect(Math.max(...rows[2].counts)).toBeGreaterThan(1000);
    expect(rows[4].counts.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
