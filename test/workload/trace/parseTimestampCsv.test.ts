import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LINE, parseTimestampCsv, TraceError } from '../../../src/workload/trace/index.ts';

function errorOf(text: string, file = 'trace.csv'): TraceError {
  try {
    parseTimestampCsv(text, file);
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error('expected a TraceError');
}

describe('parseTimestampCsv', () => {
  it('groups times by function, sorted ascending', () => {
    const text = 'function,timestamp\napi,30\nworker,5\napi,10\napi,10\nworker,0.5\n';
    const got = parseTimestampCsv(text, 'trace.csv');
    expect([...got.keys()]).toEqual(['api', 'worker']);
    expect(got.get('api')).toEqual(Float64Array.from([10, 10, 30]));
    expect(got.get('worker')).toEqual(Float64Array.from([0.5, 5]));
  });

  it('defaults the function to "main" and ignores other columns', () => {
    const got = parseTimestampCsv('duration,time_ms\n12,3\n7,1\n', 'trace.csv');
    expect([...got]).toEqual([['main', Float64Array.from([1, 3])]]);
  });

  it('reads seconds from time_s or seconds', () => {
    expect(parseTimestampCsv('time_s\n1.5\n', 'a.csv').get('main')).toEqual(
      Float64Array.from([1500]),
    );
    expect(parseTimestampCsv('Function,Seconds\nf,2e-3\n', 'a.csv').get('f')).toEqual(
      Float64Array.from([2]),
    );
  });

  it('tolerates \\r\\n, blank lines, a byte-order mark, quotes and no trailing newline', () => {
    const text = '\ufefffunction,timestamp\r\n\r\n"a, b",1\r\n  \r\n"say ""hi""",2';
    const got = parseTimestampCsv(text, 'trace.csv');
    expect(got.get('a, b')).toEqual(Float64Array.from([1]));
    expect(got.get('say "hi"')).toEqual(Float64Array.from([2]));
  });

  it('names the line and column of a bad time', () => {
    const lines = [
      'function,timestamp',
      ...Array.from({ length: 12 }, (_, i) => `f,${i}`),
      'f,abc',
    ];
    const e = errorOf(lines.join('\n'));
    expect(e.message).toBe('trace.csv:14: timestamp: must be a non-negative number (got "abc")');
    expect([e.file, e.line, e.field, e.reason]).toEqual([
      'trace.csv',
      14,
      'timestamp',
      'must be a non-negative number (got "abc")',
    ]);
    expect(errorOf('time_s\n1\n\n-2\n').message).toBe(
      'trace.csv:4: time_s: must be a non-negative number (got "-2")',
    );
    expect(errorOf('timestamp\n\n0x10\n').message).toBe(
      'trace.csv:3: timestamp: must be a non-negative number (got "0x10")',
    );
    expect(errorOf('function,timestamp\nf,\n').message).toBe(
      'trace.csv:2: timestamp: must be a non-negative number (got "")',
    );
  });

  it('rejects rows with the wrong number of columns and empty function names', () => {
    expect(errorOf('function,timestamp\nf,1\nf,2,3\n').message).toBe(
      'trace.csv:3: row: expected 2 columns, got 3',
    );
    expect(errorOf('function,timestamp\n,1\n').message).toBe(
      'trace.csv:2: function: must not be empty',
    );
    expect(errorOf('function,timestamp\n"f,1\n').message).toBe(
      'trace.csv:2: row: unterminated quoted cell',
    );
  });

  it('rejects a header without exactly one time column', () => {
    expect(errorOf('function,when\nf,1\n').message).toBe(
      'trace.csv:1: header: no time column, expected one of timestamp, time_ms, time_s, seconds (got "function,when")',
    );
    expect(errorOf('timestamp,time_s\n1,1\n').message).toBe(
      'trace.csv:1: header: more than one time column ("timestamp", "time_s")',
    );
  });

  it('rejects an empty trace', () => {
    expect(errorOf('').message).toBe('trace.csv:1: header: missing (the file is empty)');
    expect(errorOf('\n\nfunction,timestamp\n\n').message).toBe(
      'trace.csv:3: trace: no arrivals after the header',
    );
  });

  it('parses text that comes in chunks split anywhere, as a file is read', () => {
    const text = '\ufefffunction,timestamp\r\napi,30\r\n"a, b",10\n\nworker,5\napi,10';
    const whole = parseTimestampCsv(text, 'trace.csv');
    for (const size of [1, 2, 3, 7]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        text.slice(i * size, (i + 1) * size),
      );
      expect(parseTimestampCsv(chunks, 'trace.csv')).toEqual(whole);
    }
    // A bad row is named by its line whatever the chunks.
    const bad = ['function,timest', 'amp\napi,1\napi,', 'x\n'];
    expect(() => parseTimestampCsv(bad, 'trace.csv')).toThrow(
      'trace.csv:3: timestamp: must be a non-negative number (got "x")',
    );
  });

  it('stops at a line longer than MAX_LINE (binary data) without holding the file', () => {
    let served = 0;
    function* endless(): Generator<string> {
      for (;;) {
        served++;
        yield 'x'.repeat(64 * 1024);
      }
    }
    expect(() => parseTimestampCsv(endless(), 'zero.bin')).toThrow(
      `zero.bin:1: row: longer than ${MAX_LINE} characters (is it a CSV file?)`,
    );
    expect(served).toBeLessThanOrEqual(MAX_LINE / (64 * 1024) + 1);
  });

  it('quotes no content when asked not to', () => {
    const e = errorOf('user:x:0:0:root:/root:/bin/bash\n');
    expect(e.message).toContain('root');
    const bare = e.withoutContents('timestamps', 'outside');
    expect(bare.message).toBe(
      'trace.csv:1: header: not a trace in the "timestamps" format (no time column, expected one of timestamp, time_ms, time_s, seconds); its lines are not shown: outside',
    );
  });

  it('parses the shipped sample', () => {
    const url = new URL('../../../models/traces/timestamps-sample.csv', import.meta.url);
    const got = parseTimestampCsv(readFileSync(url, 'utf8'), 'timestamps-sample.csv');
    expect([...got.keys()].sort()).toEqual(['api', 'thumbnail']);
    expect(got.get('thumbnail')).toEqual(Float64Array.from([250, 1210.5, 2400]));
    expect(got.get('api')).toHaveLength(16);
  });
});
