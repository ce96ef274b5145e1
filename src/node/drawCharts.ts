import { type ChartHints, chartsFor } from '../charts/chartsFor.ts';
import type { ReportChart } from '../charts/report.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import { writeChart } from './render/writeChart.ts';

/**
 * Draws an experiment's charts into `dir` (spec, SVG and PNG each) and
 * returns them for a report. Which charts: the experiment's `charts` list,
 * or those its sweep suits.
 */
export async function drawCharts(
  dir: string,
  results: ExperimentResults,
  hints: ChartHints = {},
): Promise<ReportChart[]> {
  const out: ReportChart[] = [];
  for (const entry of chartsFor(results, hints)) {
    const written = await writeChart(dir, entry.name, entry.spec);
    out.push({ name: entry.name, title: entry.title, svg: written.svgText });
  }
  return out;
}
