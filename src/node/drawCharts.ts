import { type ChartHints, chartsFor } from '../charts/chartsFor.ts';
import type { ReportChart } from '../charts/report.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import { writeChart } from './render/writeChart.ts';

/**
 * Draws an experiment's charts into `dir` (spec, SVG and PNG each) and
 * returns them for a report. Which charts: the experiment's `charts` list,
 * or those its sweep suits. When `shouldStop` says so (Ctrl-C) it stops
 * between two charts and returns those drawn, each whole.
 */
export async function drawCharts(
  dir: string,
  results: ExperimentResults,
  hints: ChartHints = {},
  shouldStop?: () => boolean,
): Promise<ReportChart[]> {
  const out: ReportChart[] = [];
  for (const entry of chartsFor(results, hints)) {
    if (shouldStop) {
      // Drawing never waits on I/O: let the event loop run so that a Ctrl-C is seen at all.
      await new Promise((resolve) => setImmediate(resolve));
      if (shouldStop()) break;
    }
    const written = await writeChart(dir, entry.name, entry.spec);
    out.push({ name: entry.name, title: entry.title, svg: written.svgText });
  }
  return out;
}
