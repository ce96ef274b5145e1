import { join } from 'node:path';
import { functionsCsv } from '../experiments/perFunction.ts';
import { resultsCsv } from '../experiments/resultsCsv.ts';
import type { RunOutput } from '../experiments/runExperiment.ts';
import { toHdrText } from '../metrics/hdrText.ts';
import { writeFileAtomic } from './files.ts';
import { clearPreviousRun, ownFolder } from './outputFolder.ts';

/** The files `coldtail run` writes, relative to its output folder. */
export const OUTPUT_FILES = {
  results: 'results.json',
  csv: 'results.csv',
  /** One row per function per point, for workloads of many functions. */
  functions: 'functions.csv',
  hdr: (index: number) => join('hdr', `point-${index}.hdr`),
};

/**
 * Writes results.json, results.csv and one HdrHistogram percentile file per
 * point, in place of the previous run's files and charts (a run with fewer
 * points must not leave the old run's hdr/point-N.hdr beside its results).
 * Every file is written atomically; names come from point indices, never
 * from user text, and links in `dir` are replaced rather than followed, so nothing can
 * land outside `dir`.
 */
export function writeOutputs(dir: string, output: RunOutput): string[] {
  clearPreviousRun(dir);
  // Never through a link: a pre-existing hdr -> elsewhere would put files outside `dir`.
  if (output.histograms.length > 0) ownFolder(join(dir, 'hdr'));
  const written: string[] = [];
  const put = (name: string, data: string) => {
    writeFileAtomic(join(dir, name), data);
    written.push(join(dir, name));
  };
  output.histograms.forEach((h, i) => {
    put(OUTPUT_FILES.hdr(output.results.points[i].index), toHdrText(h));
  });
  put(OUTPUT_FILES.csv, resultsCsv(output.results));
  if (output.functionRows) {
    const { points } = output.results;
    put(
      OUTPUT_FILES.functions,
      functionsCsv(
        output.functionRows.map((rows, i) => ({
          index: points[i].index,
          label: points[i].label,
          rows,
        })),
      ),
    );
  }
  // Last, so that a complete results.json means every other file is there.
  put(OUTPUT_FILES.results, `${JSON.stringify(output.results, null, 2)}\n`);
  return written;
}
