import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite specification as a plain JSON object. */
export type VegaLiteSpec = TopLevelSpec;

/** One chart picked for an experiment, ready to render. */
export interface ChartEntry {
  /** File-safe name, used for name.vl.json, name.svg and name.png. */
  name: string;
  /** What the chart shows, in words: the report's figure caption. */
  title: string;
  spec: VegaLiteSpec;
}
