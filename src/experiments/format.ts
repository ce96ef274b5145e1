/** Milliseconds for people: 3 significant digits, in us, ms, s or min. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${sig(ms * 1000)} us`;
  if (ms < 1000) return `${sig(ms)} ms`;
  if (ms < 60_000) return `${sig(ms / 1000)} s`;
  // Hours from an hour on, as the charts write them: a warm-up's "2016 min" read as nothing.
  if (ms < 3_600_000) return `${sig(ms / 60_000)} min`;
  return `${sig(ms / 3_600_000)} h`;
}

function sig(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '-';
  const pct = share * 100;
  return `${pct === 0 ? '0' : pct < 0.1 ? pct.toFixed(3) : pct < 10 ? pct.toFixed(2) : pct.toFixed(1)}%`;
}

/** An aligned plain-text table: the first column and `textColumns` left-aligned, the others right. */
export function textTable(
  header: string[],
  rows: string[][],
  /** Columns of text, aligned left like the first (the others are numbers, aligned right). */
  textColumns: number[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const left = (i: number) => i === 0 || textColumns.includes(i);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
