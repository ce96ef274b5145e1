/**
 * docs/charts.md's two tables of charts, made from the registries so that they cannot fall
 * behind them: what each chart shows and when it is drawn unasked (each `ChartKind`'s `shows`
 * and `drawnWhen`), and its options (each option's description in its schema, the text
 * editors show from the JSON Schema too). `npm run docs -- charts` writes them;
 * test/docs/charts.test.ts checks the file holds them.
 */
import { CHART_KINDS } from '../../src/charts/chartKinds.ts';
import { CHART_OPTIONS } from '../../src/experiments/chartOptions/index.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** What each chart shows and when it is drawn without being named, in the order drawn. */
export function chartKindsTable(): string {
  return [
    '| chart | shows | drawn unasked when |',
    '|---|---|---|',
    ...CHART_KINDS.map((k) => `| \`${k.name}\` | ${cell(k.shows)} | ${cell(k.drawnWhen)} |`),
  ].join('\n');
}

/** Each chart's options, from the descriptions in their schemas. */
export function chartOptionsTable(): string {
  const rows = CHART_KINDS.map((k) => {
    const schema = CHART_OPTIONS[k.name].jsonSchema() as {
      properties?: Record<string, { description?: string }>;
    };
    const options = Object.entries(schema.properties ?? {}).map(([key, field]) => {
      if (!field.description) {
        throw new Error(`chart ${k.name}: option "${key}" has no description in its schema`);
      }
      return `\`${key}\`: ${field.description}`;
    });
    return `| \`${k.name}\` | ${cell(options.join('; ') || 'none')} |`;
  });
  return ['| chart | options |', '|---|---|', ...rows].join('\n');
}
