/** Small pieces of wording shared by the narrative's sentences. */
import { formatRatio } from '../format.ts';

/** "grows", "falls" or "stays about the same", for a change from a to b. */
export function trend(a: number, b: number, rise = 'grows', fall = 'falls'): string {
  if (a <= 0 || b <= 0) return b > a ? rise : b < a ? fall : 'stays the same';
  const r = b / a;
  if (r > 1.05) return rise;
  if (r < 1 / 1.05) return fall;
  return 'stays about the same';
}

/** " (3.8x)" for a clear rise, "" otherwise: ratios below 1.05 say nothing. */
export function ratioNote(a: number, b: number): string {
  if (!(a > 0 && b > 0) || b / a < 1.05) return '';
  return ` (${formatRatio(b / a)})`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A sentence starts with a capital, however its first word was written. */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}
