/**
 * Reading a results.json that coldtail wrote earlier and that a user may have edited, cut
 * short or mixed up. It is checked by its schema (src/experiments/resultsSchema.ts), shapes and
 * bounds, so that a broken file gets "FILE: FIELD: reason" and exit code 2. What the schema
 * lets through is a file coldtail could have written: an error while drawing it is coldtail's
 * own, and is reported as one (not blamed on the file).
 */
import { type ExperimentResults, upgradeResults } from '../experiments/results.ts';
import { resultsSchema } from '../experiments/resultsSchema.ts';
import { isPlainObject } from '../spec/core.ts';
import { withFile } from '../spec/specError.ts';
import { readJson } from './files.ts';
import { InputError } from './inputError.ts';

/** Reads a results.json and checks it against the results schema. */
export function readResults(path: string): ExperimentResults {
  // Older results name some fields differently: read them as today's.
  const json = upgradeResults(
    readJson(path, {
      hint: 'results this large come from long timelines: record them with a wider window',
    }),
  );
  if (!isPlainObject(json) || !('experiment' in json || 'points' in json)) {
    throw new InputError(`${path}: not a coldtail results.json (no "experiment" and "points")`);
  }
  try {
    return resultsSchema.parse(json);
  } catch (e) {
    throw withFile(e, path);
  }
}
