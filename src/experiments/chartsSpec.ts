/**
 * An experiment's list of charts, each by name or with its options: one schema that the
 * experiment file, results.json (which keeps the list) and the charts themselves read. It lives
 * here, below the charts, because the experiment file's schema holds it; each chart's options
 * are its file in ./chartOptions/, and src/charts/chartKinds.ts draws with what this parses
 * (and checks at compile time that each chart takes these options).
 */
import {
  array,
  discriminated,
  enumOf,
  type Infer,
  literal,
  object,
  oneOfType,
  optional,
  refine,
  type Schema,
} from '../spec/schema.ts';
import {
  CHART_NAMES,
  CHART_OPTIONS,
  type ChartName,
  type ChartOptionsSpec,
} from './chartOptions/index.ts';

export { CHART_NAMES, CHART_OPTIONS, type ChartName, type ChartOptionsSpec };

/** {"name": chart, "options": {...}}, the options checked against that chart's. */
type RequestCase<K extends ChartName> = Schema<{
  name: K;
  options?: Infer<(typeof CHART_OPTIONS)[K]>;
}>;

const requestCases = Object.fromEntries(
  CHART_NAMES.map((name) => [
    name,
    object({
      name: literal(name),
      options: optional(CHART_OPTIONS[name] as Schema<unknown>).describe(`Options of ${name}`),
    }),
  ]),
) as unknown as { [K in ChartName]: RequestCase<K> };

export const chartRequestSchema = oneOfType({
  string: enumOf(CHART_NAMES).describe('A chart by name, e.g. "percentileCurves"'),
  object: discriminated('name', requestCases).describe(
    'A chart and its options, e.g. {"name": "fanOutSlowShare", "options": {"thresholdMs": 500}}',
  ),
});

export type ChartRequestSpec = Infer<typeof chartRequestSchema>;

/** An experiment's list of charts: each at most once, in the order drawn. */
export const chartsSchema = refine(array(chartRequestSchema), (list) => {
  const names = list.map((r) => (typeof r === 'string' ? r : r.name));
  const twice = names.findIndex((n, i) => names.indexOf(n) !== i);
  return twice < 0 || { path: twice, reason: `chart "${names[twice]}" is listed twice` };
});

/**
 * The options each chart is drawn with: those of the list's entries, checked (JS callers pass
 * lists that no schema has seen), merged over `base`.
 */
export function chartOptionsOf(
  list: readonly unknown[] | undefined,
  base: ChartOptionsSpec = {},
): ChartOptionsSpec {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, o] of Object.entries(base)) if (o !== undefined) out[name] = { ...o };
  for (const r of chartsSchema.parse(list ?? [], 'charts')) {
    if (typeof r === 'string' || r.options === undefined) continue;
    out[r.name] = { ...out[r.name], ...r.options };
  }
  return out as ChartOptionsSpec;
}
