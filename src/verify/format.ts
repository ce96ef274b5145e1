import { textTable } from '../experiments/format.ts';
import { FAMILY_LEVEL, MAX_ROWS, ROW_LEVEL } from './judge.ts';
import type { VerifyRow } from './types.ts';

export interface FormatOptions {
  /** List each row's note under the table (default true). */
  notes?: boolean;
}

const HEADERS = [
  'case',
  'quantity',
  'expected',
  'simulated',
  '95% interval',
  'rel. error',
  'result',
] as const;
// Numbers read best aligned on the right; words and intervals on the left.
const TEXT_COLUMNS = [1, 4, 6];

/** Passed and failed rows. */
export function verifySummary(rows: readonly VerifyRow[]): { passed: number; failed: number } {
  const passed = rows.filter((r) => r.pass).length;
  return { passed, failed: rows.length - passed };
}

/**
 * The rows as an aligned plain-text table, the notes under it, and a last line
 * "N passed, M failed".
 */
export function formatVerifyTable(rows: readonly VerifyRow[], options: FormatOptions = {}): string {
  const cells = rows.map((r) => [
    r.case,
    r.quantity,
    expectedText(r),
    withUnit(num(r.simulated), r.unit),
    r.low === null || r.high === null ? '-' : `[${num(r.low)}, ${num(r.high)}]`,
    r.kind === 'equals' || r.relativeError !== 0 ? percent(r.relativeError) : '-',
    r.pass ? 'pass' : 'FAIL',
  ]);
  const lines = textTable([...HEADERS], cells, TEXT_COLUMNS).split('\n');
  const out = [...lines, ''];
  if (options.notes ?? true) {
    const notes = rows.filter((r) => r.note !== undefined);
    if (notes.length > 0) {
      out.push('Notes:');
      for (const r of notes) out.push(`  ${r.case}, ${r.quantity}: ${r.note}`);
      out.push('');
    }
  }
  out.push(
    `Intervals: Student t over independent replications, each at ${trim(ROW_LEVEL * 100)}%, so ` +
      `that up to ${MAX_ROWS} rows hold together at ${FAMILY_LEVEL * 100}% (Bonferroni).`,
    'A bound passes when the whole interval satisfies it.',
  );
  const { passed, failed } = verifySummary(rows);
  out.push(`${passed} passed, ${failed} failed`);
  return `${out.join('\n')}\n`;
}

function expectedText(r: VerifyRow): string {
  const v = num(r.expected);
  switch (r.kind) {
    case 'equals':
      return withUnit(v, r.unit) + (r.tolerance > 0 ? ` ±${trim(r.tolerance * 100)}%` : '');
    case 'atLeast':
      return `> ${withUnit(v, r.unit)}`;
    case 'atMost':
      return `< ${withUnit(v, r.unit)}`;
    case 'between':
      return `${v} .. ${withUnit(num(r.expectedHigh ?? Number.NaN), r.unit)}`;
  }
}

function withUnit(text: string, unit: string): string {
  if (unit === '') return text;
  return unit === 'x' ? `${text}x` : `${text} ${unit}`;
}

/** Four significant digits, without an exponent for the magnitudes the suite meets. */
function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

function percent(x: number): string {
  const p = (x * 100).toFixed(2);
  return x > 0 ? `+${p}%` : `${p}%`;
}

function trim(x: number): string {
  return String(Number(x.toPrecision(6)));
}
