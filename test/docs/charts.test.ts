/**
 * docs/charts.md's tables of charts are the registries' words: a chart added, or an option
 * described anew, without `npm run docs -- charts chartOptions` fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/chartKinds.ts';
import { chartKindsTable, chartOptionsTable } from '../scripts/chartTables.ts';

function block(name: string): string {
  const text = readFileSync('docs/charts.md', 'utf8');
  const m = new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(text);
  if (!m) throw new Error(`docs/charts.md: no ${name} block`);
  return m[1];
}

describe('docs/charts.md', () => {
  it('holds the table of chart kinds made from their files', () => {
    expect(block('chart-kinds')).toBe(chartKindsTable());
  });

  it('holds the table of options made from their schemas, every option described', () => {
    // chartOptionsTable throws on an option without a description.
    expect(block('chart-options')).toBe(chartOptionsTable());
  });

  it('has a row for every chart', () => {
    for (const k of CHART_KINDS) {
      expect(block('chart-kinds')).toContain(`| \`${k.name}\` |`);
      expect(block('chart-options')).toContain(`| \`${k.name}\` |`);
    }
  });
});
