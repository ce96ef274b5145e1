/**
 * The kinds of chart, one file each (src/charts/<name>.ts, with its options' schema in
 * src/experiments/chartOptions/): adding a chart is those two files and their lines here and
 * in chartOptions/index.ts. The order is the order charts are drawn in when an experiment
 * names none; see each kind's `byDefault` for when it is.
 */
import type { ChartName, ChartOptionsSpec } from '../experiments/chartsSpec.ts';
import { burstTimelineChart } from './burstTimeline.ts';
import type { ChartKind } from './chartKind.ts';
import { clientTradeChart } from './clientTrade.ts';
import { fanOutSlowShareChart } from './fanOutSlowShare.ts';
import { keepAliveCostChart } from './keepAliveCost.ts';
import { keepAliveParetoChart } from './keepAlivePareto.ts';
import { latencyCdfChart } from './latencyCdf.ts';
import { percentileCurvesChart } from './percentileCurves.ts';
import { powerTuningChart } from './powerTuning.ts';
import { stageBreakdownChart } from './stageBreakdown.ts';
import { tailPlotChart } from './tailPlot.ts';
import { useCaseBudgetsChart } from './useCaseBudgets.ts';

export const CHART_KINDS = [
  percentileCurvesChart,
  fanOutSlowShareChart,
  keepAliveCostChart,
  powerTuningChart,
  clientTradeChart,
  burstTimelineChart,
  useCaseBudgetsChart,
  latencyCdfChart,
  tailPlotChart,
  stageBreakdownChart,
  keepAliveParetoChart,
] as const;

type Kind = (typeof CHART_KINDS)[number];

/** Options per chart, as each chart's spec builder takes them. */
export type ChartOptions = {
  [K in Kind as K['name']]?: K extends ChartKind<ChartName, infer O> ? O : never;
};

// Every chart an experiment file may name has its kind here: this fails to compile, naming
// the chart, when one is missing.
type Missing = Exclude<ChartName, Kind['name']>;
const _everyChart: [Missing] extends [never] ? true : Missing = true;
void _everyChart;

// Every option an experiment file may give a chart is one that chart takes, of a type it
// takes: these fail to compile when the schema and a chart's options type part ways (the
// second names an option the schema has and the chart does not).
const _optionsFit: ChartOptions = {} as ChartOptionsSpec;
void _optionsFit;
type Unknown = {
  [K in ChartName]: Exclude<
    keyof NonNullable<ChartOptionsSpec[K]>,
    keyof NonNullable<ChartOptions[K]>
  >;
}[ChartName];
const _noUnknownOption: [Unknown] extends [never] ? true : Unknown = true;
void _noUnknownOption;

const byName = new Map<string, ChartKind<ChartName, object>>(
  // Each kind is only ever handed the options of its own name (see chartOptions in chartsFor.ts).
  CHART_KINDS.map((k) => [k.name, k as unknown as ChartKind<ChartName, object>]),
);

/** The kind of chart `name`: one of CHART_NAMES, which the callers have checked. */
export function chartKind(name: ChartName): ChartKind<ChartName, object> {
  const kind = byName.get(name);
  if (kind === undefined) throw new TypeError(`no chart kind "${name}"`);
  return kind;
}
