/**
 * The charts an experiment file may ask for and the options of each, one file per chart:
 * adding a chart is its options' file and a line here, and its `ChartKind` (src/charts/<name>.ts)
 * with its line in src/charts/chartKinds.ts (the compiler asks for it). The order is the order
 * editors and error messages list the charts in.
 */
import type { Infer } from '../../spec/schema.ts';
import { burstTimeline } from './burstTimeline.ts';
import { clientTrade } from './clientTrade.ts';
import { fanOutSlowShare } from './fanOutSlowShare.ts';
import { keepAliveCost } from './keepAliveCost.ts';
import { keepAlivePareto } from './keepAlivePareto.ts';
import { latencyCdf } from './latencyCdf.ts';
import { percentileCurves } from './percentileCurves.ts';
import { powerTuning } from './powerTuning.ts';
import { stageBreakdown } from './stageBreakdown.ts';
import { tailPlot } from './tailPlot.ts';
import { useCaseBudgets } from './useCaseBudgets.ts';

export const CHART_OPTIONS_KINDS = [
  percentileCurves,
  latencyCdf,
  tailPlot,
  stageBreakdown,
  burstTimeline,
  fanOutSlowShare,
  keepAliveCost,
  keepAlivePareto,
  useCaseBudgets,
  powerTuning,
  clientTrade,
] as const;

type Kind = (typeof CHART_OPTIONS_KINDS)[number];
export type ChartName = Kind['name'];

export const CHART_NAMES: readonly ChartName[] = CHART_OPTIONS_KINDS.map((k) => k.name);

/** Each chart's options schema, by the chart's name. */
export const CHART_OPTIONS = Object.fromEntries(
  CHART_OPTIONS_KINDS.map((k) => [k.name, k.options]),
) as { readonly [K in Kind as K['name']]: K['options'] };

/** Each chart's options as parsed. */
export type ChartOptionsSpec = { [K in ChartName]?: Infer<(typeof CHART_OPTIONS)[K]> };
