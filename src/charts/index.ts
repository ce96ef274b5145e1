/** Charts and the report: pure functions from results to Vega-Lite specs, text and HTML. */
export { budgetsMet, LATENCY_BUDGETS, type LatencyBudget } from './budgets.ts';
export { type BurstTimelineOptions, burstTimeline } from './burstTimeline.ts';
export { CHART_NAMES, type ChartHints, type ChartName, chartsFor } from './chartsFor.ts';
export { type FanOutSlowShareOptions, fanOutSlowShare } from './fanOutSlowShare.ts';
export { formatMs, formatShare } from './format.ts';
export { escapeHtml } from './html.ts';
export { type KeepAliveCostOptions, keepAliveCost } from './keepAliveCost.ts';
export { type DistributionOptions, latencyCdf } from './latencyCdf.ts';
export { type NarrativeOptions, narrative } from './narrative.ts';
export { type PercentileCurvesOptions, percentileCurves } from './percentileCurves.ts';
export {
  buildReport,
  type ReportChart,
  type ReportInput,
  type ReportSection,
  reportSection,
} from './report.ts';
export { type StageBreakdownOptions, stageBreakdown } from './stageBreakdown.ts';
export { type PercentileRow, percentileTable } from './table.ts';
export { tailPlot } from './tailPlot.ts';
export type { ChartEntry, VegaLiteSpec } from './types.ts';
export { type UseCaseBudgetsOptions, useCaseBudgets } from './useCaseBudgets.ts';
