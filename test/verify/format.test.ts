import { describe, expect, it } from 'vitest';
import { formatVerifyTable, judgeRow, verifySummary } from '../../src/verify/index.ts';

const m = (quantity: string, values: number[], unit = 'ms') => ({
  case: 'demo',
  quantity,
  unit,
  values,
});

const rows = [
  judgeRow(m('mean', [19.9, 20.1, 20.0, 19.95]), { kind: 'equals', expected: 20 }),
  judgeRow(m('share', [0.366, 0.367, 0.369, 0.368], ''), {
    kind: 'equals',
    expected: 0.3679,
    tolerance: 0.001,
  }),
  {
    ...judgeRow(m('median', [116, 117, 116.5, 116.2]), { kind: 'atLeast', expected: 100 }),
    note: 'a note',
  },
  judgeRow(m('ratio', [41, 40.5, 41.5, 41], 'x'), {
    kind: 'between',
    expected: 30,
    expectedHigh: 50,
  }),
  judgeRow(m('p99', [12.4, 12.6, 12.5, 12.5]), { kind: 'atMost', expected: 10 }),
];

describe('formatVerifyTable', () => {
  const text = formatVerifyTable(rows);
  const lines = text.trimEnd().split('\n');

  it('has the header, a rule, then one line per row', () => {
    expect(lines[0].split(/\s{2,}/)).toEqual([
      'case',
      'quantity',
      'expected',
      'simulated',
      '95% interval',
      'rel. error',
      'result',
    ]);
    expect(lines[1]).toMatch(/^[- ]+$/);
    expect(lines.slice(2, 2 + rows.length).every((l) => l.startsWith('demo'))).toBe(true);
  });

  it('aligns the columns: left ones start under their header, right ones end under it', () => {
    const body = lines.slice(2, 2 + rows.length);
    const rule = lines[1];
    // Column c spans the c-th run of dashes in the rule.
    const spans = [...rule.matchAll(/-+/g)].map((x) => [x.index!, x.index! + x[0].length]);
    expect(spans.length).toBe(7);
    for (const line of body) {
      for (const [c, [from, to]] of spans.entries()) {
        const right = c === 2 || c === 3 || c === 5;
        // Two spaces separate columns; a cell never spills into them.
        if (from > 0) expect(line.slice(from - 2, from), `${line} col ${c}`).toBe('  ');
        if (right) expect(line[to - 1], `${line} col ${c}`).not.toBe(' ');
        else expect(line[from], `${line} col ${c}`).not.toBe(' ');
      }
    }
  });

  it('writes expectations as values, bounds and ranges with units and tolerances', () => {
    expect(lines[2]).toContain('20 ms');
    expect(lines[2]).toContain('pass');
    expect(lines[3]).toContain('0.3679 ±0.1%');
    expect(lines[4]).toContain('> 100 ms');
    expect(lines[5]).toContain('30 .. 50x');
    expect(lines[5]).toContain('41x');
    expect(lines[6]).toContain('< 10 ms');
    expect(lines[6]).toContain('FAIL');
    // A bound that holds has no error to show; one that breaks shows how far past it lies.
    expect(lines[4]).toMatch(/\s-\s+pass$/);
    expect(lines[6]).toContain('+25.00%');
  });

  it('lists notes under the table and ends with the summary line', () => {
    expect(text).toContain('Notes:\n  demo, median: a note');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.at(-1)).toBe('4 passed, 1 failed');
    expect(verifySummary(rows)).toEqual({ passed: 4, failed: 1 });
    expect(formatVerifyTable(rows, { notes: false })).not.toContain('Notes:');
  });

  it('shows a missing interval as a dash', () => {
    const single = judgeRow(m('one', [5]), { kind: 'equals', expected: 5 });
    const line = formatVerifyTable([single]).split('\n')[2];
    expect(line).toMatch(/5 ms\s+-\s+0\.00%\s+pass$/);
  });
});
