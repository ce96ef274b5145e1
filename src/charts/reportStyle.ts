/**
 * The report's only style sheet, inlined. One narrow column that reads on a
 * phone (charts scale down with their viewBox), wide tables scroll on their
 * own, and print keeps figures and tables whole.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #555; --rule: #ddd; --link: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff;
  font: 16px/1.55 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, nav, main, footer, .opening { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 1.5rem 0 0.25rem; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 2.5rem 0 0.5rem; padding-top: 1rem;
  border-top: 1px solid var(--rule); }
a { color: var(--link); }
.by, figcaption, footer { color: var(--muted); font-size: 0.875rem; }
nav ol { padding-left: 1.25rem; }
nav li { margin: 0.15rem 0; }
.description { font-style: italic; }
.question { font-size: 1.1rem; font-weight: bold; color: #333; margin: 0.25rem 0 0.75rem; }
.takeaway { border-left: 4px solid #0072B2; padding: 0.4rem 0.8rem; background: #f3f7fb; }
.next { color: var(--muted); }
.part { margin: 3rem 0 0; font-size: 0.875rem; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--muted); }
details { margin: 1rem 0; }
summary { cursor: pointer; color: var(--link); }
.narrative li { margin: 0.3rem 0; }
figure { margin: 1.5rem 0; }
/* Charts keep their drawn size, so that no label shrinks under its 11 px; one wider
   than the column (on a narrow window) scrolls inside its own box. */
.chart { overflow-x: auto; }
.chart svg { display: block; max-width: none; height: auto; }
/* Tables fit the column: numbers stay on one line, the point's name and text wrap. */
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.8125rem; font-variant-numeric: tabular-nums;
  max-width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; }
th, td { padding: 0.2rem 0.45rem; border-bottom: 1px solid var(--rule); text-align: right;
  white-space: nowrap; }
thead th { white-space: normal; vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 7rem; }
table.small td, table.small thead th { white-space: normal; text-align: left; }
footer { margin: 3rem auto 2rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.4rem; }
}
@media print {
  body { font-size: 10.5pt; }
  header, nav, main, footer { max-width: none; padding: 0; }
  nav { break-after: page; }
  section { break-before: page; }
  h2 { border-top: 0; }
  figure, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  .chart svg { max-width: 100%; }
}
`;
