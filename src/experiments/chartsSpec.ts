/**
 * The charts an experiment file may ask for, and the options of each: one schema that the
 * experiment file, results.json (which keeps the list) and the charts themselves read. It lives
 * here, below the charts, because the experiment file's schema holds it; src/charts/chartsFor.ts
 * draws with what it parses (and checks at compile time that each chart takes these options).
 */
import { PERCENTILES } from '../metrics/summary.ts';
import {
  array,
  discriminated,
  enumOf,
  type Infer,
  integer,
  literal,
  number,
  object,
  oneOfType,
  optional,
  refine,
  type Schema,
  string,
} from '../spec/schema.ts';

export const CHART_NAMES = [
  'percentileCurves',
  'latencyCdf',
  'tailPlot',
  'stageBreakdown',
  'burstTimeline',
  'fanOutSlowShare',
  'keepAliveCost',
  'keepAlivePareto',
  'useCaseBudgets',
  'powerTuning',
  'clientTrade',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

const PERCENTILE_KEYS = PERCENTILES.map(([key]) => key);

const axis = string({ minLength: 1 }).describe(
  'A sweep axis: its path ("graph.chain.depth") or its name ("depth")',
);
const pointIndex = integer({ min: 0 }).describe('A sweep point, by its index (0-based)');
const points = array(pointIndex, { minItems: 1 }).describe(
  'Only these sweep points (default: every point with calls)',
);
const percentile = enumOf(PERCENTILE_KEYS);

const budget = object({
  id: string({ minLength: 1 }),
  useCase: string({ minLength: 1 }).describe('What the budget is for, as a reader would say it'),
  ms: number({ exclusiveMin: 0 }).describe('The budget in ms'),
  source: string({ minLength: 1 }),
  note: optional(string()),
});

/** Each chart's options: what src/charts/<chart>.ts takes from a file. */
export const CHART_OPTIONS = {
  percentileCurves: object({
    x: optional(axis),
    split: optional(enumOf(['facet', 'dash'])).describe(
      'How the other axes are told apart: small multiples (facet) or dash patterns',
    ),
    percentiles: optional(array(percentile, { minItems: 1 })),
  }),
  latencyCdf: object({ points: optional(points) }),
  tailPlot: object({ points: optional(points) }),
  stageBreakdown: object({ points: optional(points) }),
  burstTimeline: object({
    point: optional(pointIndex.describe('The point whose timeline to draw')),
  }),
  fanOutSlowShare: object({
    x: optional(axis),
    p: optional(number({ exclusiveMin: 0, exclusiveMax: 1 })).describe(
      'Probability that one leaf is slow, for the analytic curve',
    ),
    thresholdMs: optional(number({ exclusiveMin: 0 })).describe('"Slow": slower than this (ms)'),
  }),
  keepAliveCost: object({
    x: optional(axis),
    cost: optional(enumOf(['memory', 'warmers', 'usdPerMillionRoots', 'usd'])).describe(
      'The right axis: memory kept alive, warmer pings, the bill per million requests or per run',
    ),
  }),
  keepAlivePareto: object({
    label: optional(axis).describe(
      'The axis whose values label the points (default: the keep-alive axis)',
    ),
    measure: optional(enumOf(['requests', 'p75Function'])).describe(
      'requests: the share of requests with a cold start against idle GB-s per request (default); p75Function, for a region: the cold-start share of the 75th-percentile function against wasted memory time normalised to the fixed 10-minute keep-alive (Shahrad et al. 2020, Fig. 15)',
    ),
    reference: optional(pointIndex).describe(
      'With p75Function: the point whose wasted memory time is 100 % (default: the first point with a value of 10 min)',
    ),
  }),
  useCaseBudgets: object({
    stat: optional(percentile).describe('The percentile held against the budgets (default p99)'),
    budgets: optional(array(budget)),
  }),
  powerTuning: object({ x: optional(axis) }),
  clientTrade: object({ x: optional(axis) }),
} satisfies Record<ChartName, Schema<unknown>>;

export type ChartOptionsSpec = { [K in ChartName]?: Infer<(typeof CHART_OPTIONS)[K]> };

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
