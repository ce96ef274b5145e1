/**
 * Numbers as people read them, in two forms that must agree: TypeScript for
 * narrative and tables, and Vega expressions for axis labels.
 */

/** Three significant digits, without trailing zeros: 0.0123 -> "0.0123", 1500 -> "1500". */
export function sig3(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  // Whole numbers of 3+ digits read better unrounded to exponent form.
  if (a >= 1000) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

/**
 * A duration in ms with a unit that keeps the number short: "850 µs",
 * "12.3 ms", "61 s", "3 min", "1.5 h". Minutes and hours are used for whole
 * ones, or from 10 of them on, so that 61 s does not become "1.02 min".
 */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a === 0) return '0 ms';
  if (a < 1) return `${sig3(ms * 1000)} µs`;
  if (a < 1000) return `${sig3(ms)} ms`;
  if (a >= 3_600_000 && (a % 3_600_000 === 0 || a >= 36_000_000))
    return `${sig3(ms / 3_600_000)} h`;
  if (a >= 60_000 && (a % 60_000 === 0 || a >= 600_000)) return `${sig3(ms / 60_000)} min`;
  return `${sig3(ms / 1000)} s`;
}

/** A share in [0, 1] as a percentage with enough digits for small shares: "7%", "0.25%". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const pct = share * 100;
  if (pct === 0) return '0%';
  // Below 0.01% the digits are noise for any run people make.
  if (Math.abs(pct) < 0.01) return pct > 0 ? 'under 0.01%' : 'above -0.01%';
  if (Math.abs(pct) >= 10) return `${Math.round(pct)}%`;
  return `${Number(pct.toPrecision(2))}%`;
}

/** A count with thousands separators: "10,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A ratio such as "4.1x". */
export function formatRatio(r: number): string {
  return `${Number(r.toPrecision(r >= 10 ? 3 : 2))}x`;
}

/** US dollars: "$0.21", "$1,234". */
export function formatUsd(usd: number | null): string {
  if (usd === null || !Number.isFinite(usd)) return '–';
  if (Math.abs(usd) >= 100) return `$${Math.round(usd).toLocaleString('en-US')}`;
  if (Math.abs(usd) >= 0.01 || usd === 0) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(2))}`;
}

/**
 * A Vega expression that labels an axis tick given in ms as a duration, the
 * same way formatMs does ("10 ms", "1 s", "5 min").
 */
export const MS_LABEL_EXPR = [
  // Minutes and hours only for whole ones: a tick at 100 s reads better than "1.67 min".
  "datum.value >= 3600000 && datum.value % 3600000 == 0 ? format(datum.value / 3600000, '.3~g') + ' h'",
  "datum.value >= 60000 && datum.value % 60000 == 0 ? format(datum.value / 60000, '.3~g') + ' min'",
  "datum.value >= 1000 ? format(datum.value / 1000, ',.4~g') + ' s'",
  "datum.value >= 1 ? format(datum.value, '.3~g') + ' ms'",
  "datum.value > 0 ? format(datum.value * 1000, '.3~g') + ' µs' : '0'",
].join(' : ');

/** The label MS_LABEL_EXPR draws for a tick at `ms`, for layout decisions made before Vega runs. */
export function msTickLabel(ms: number): string {
  const g = (x: number, digits: number) => String(Number(x.toPrecision(digits)));
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${g(ms / 3_600_000, 3)} h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${g(ms / 60_000, 3)} min`;
  if (ms >= 1000) return `${Number(g(ms / 1000, 4)).toLocaleString('en-US')} s`;
  if (ms >= 1) return `${g(ms, 3)} ms`;
  return ms > 0 ? `${g(ms * 1000, 3)} µs` : '0';
}

/** A time unit for an axis that keeps one unit throughout: "0 s, 30 s, 60 s", not "30 s, 1 min". */
export interface TimeUnit {
  name: 'ms' | 's' | 'min' | 'h';
  ms: number;
}

export const TIME_UNITS: readonly TimeUnit[] = [
  { name: 'ms', ms: 1 },
  { name: 's', ms: 1000 },
  { name: 'min', ms: 60_000 },
  { name: 'h', ms: 3_600_000 },
];

/** A Vega expression labelling a tick in ms in one unit: "90 s"; zero is "0". */
export function unitLabelExpr(unit: TimeUnit): string {
  return `datum.value == 0 ? '0' : format(datum.value / ${unit.ms}, ',.4~g') + ' ${unit.name}'`;
}
