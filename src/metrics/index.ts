export {
  type Estimate,
  type MeanInterval,
  meanInterval,
  type ReplicationSummary,
  studentTQuantile,
  studentTUpperTail,
  summarizeReplications,
} from './confidence.ts';
export { type HdrTextOptions, toHdrText } from './hdrText.ts';
export {
  HIGHEST_TRACKABLE,
  Histogram,
  type HistogramJSON,
  LOWEST_DISCERNIBLE,
  nearestRank,
  OCTAVES,
  SUB_BUCKETS,
} from './histogram.ts';
export { type LatencySummary, PERCENTILES, type PercentileKey, summarize } from './summary.ts';
export { DEFAULT_GAUGE, TimeSeries, type TimeSeriesJSON } from './timeSeries.ts';
