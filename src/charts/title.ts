import type { ExperimentResults } from '../experiments/results.ts';

/**
 * A chart's title block: the experiment's own title, and a subtitle that says
 * what the chart shows. Interrupted runs say so, so that a partial picture is
 * not read as the whole.
 */
export function chartTitle(results: ExperimentResults, subtitle: string | string[]) {
  const lines = Array.isArray(subtitle) ? [...subtitle] : [subtitle];
  if (results.partial) lines.push('Interrupted run: only the completed points are shown.');
  return { text: results.experiment.title || results.experiment.name, subtitle: lines };
}
