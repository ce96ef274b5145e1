/**
 * coldtail as a library (Node and browsers). The phases of a run:
 *
 *   experiment JSON --prepareExperiment--> PreparedExperiment (validated, every sweep point resolved)
 *                   --runExperiment-----> RunOutput { results: ExperimentResults, histograms }
 *                   --charts (src/charts)--> Vega-Lite specs
 *
 * Lower layers are usable on their own: the engine (Simulation), random
 * streams and distributions, the platform (buildWorld), the metrics.
 */
export * from './engine/index.ts';
export { experimentSchema } from './experiments/experimentSpec.ts';
export { explainPoint } from './experiments/explain.ts';
export { type PreparedExperiment, prepareExperiment } from './experiments/prepare.ts';
export type * from './experiments/results.ts';
export { resultsCsv } from './experiments/resultsCsv.ts';
export { type RunOutput, runExperiment, runExperimentAsync } from './experiments/runExperiment.ts';
export {
  Histogram,
  meanInterval,
  summarize,
  summarizeReplications,
  TimeSeries,
  toHdrText,
} from './metrics/index.ts';
export { clientModelSchema } from './models/clientModel.ts';
export { platformModelSchema } from './models/platformModel.ts';
export { ModelRegistry, presetRegistry } from './models/registry.ts';
export { buildWorld } from './platform/world.ts';
export type { Distribution } from './random/distribution.ts';
export * from './random/distributions/index.ts';
export { fromSpec } from './random/fromSpec.ts';
export type { Rng } from './random/rng.ts';
export { createStream, deriveSeed } from './random/streams.ts';
export { SpecError } from './spec/specError.ts';
export { VERSION } from './version.ts';
