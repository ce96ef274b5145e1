import { resultsTable } from '../experiments/resultsTable.ts';
import { assembleUnits } from '../experiments/runExperiment.ts';
import type { Io } from './io.ts';
import { checkOutputFolder, lockOutputFolder, writing } from './outputFolder.ts';
import { readShards } from './shards/index.ts';
import { writeOutputs } from './writeOutputs.ts';

/** `coldtail merge`: shard files into the results of the whole experiment. Returns the exit code. */
export async function mergeShards(
  req: { shards: string[]; out: string; quiet: boolean },
  io: Io,
): Promise<number> {
  checkOutputFolder(req.out, '--out');
  // Every shard file is checked by its schema as it is read, and against the others: what
  // assembly then meets is what a run hands it, so an error there is coldtail's own.
  const { header, data } = readShards(req.shards);
  // The same assembly as a single run, from the same data in the same order: the same bytes.
  const output = assembleUnits(header, data);
  const release = lockOutputFolder(req.out, '--out');
  try {
    await writing('no results.json written', () => writeOutputs(req.out, output));
  } finally {
    release();
  }
  if (!req.quiet) io.stdout.write(`${resultsTable(output.results)}\n\nwrote ${req.out}/\n`);
  return 0;
}
