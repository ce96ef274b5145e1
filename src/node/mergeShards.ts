import { resultsTable } from '../experiments/resultsTable.ts';
import { assembleUnits } from '../experiments/runExperiment.ts';
import type { Io } from './io.ts';
import { checkOutputFolder, lockOutputFolder, writing } from './outputFolder.ts';
import { readable } from './readResults.ts';
import { readShards } from './shards.ts';
import { writeOutputs } from './writeOutputs.ts';

/** `coldtail merge`: shard files into the results of the whole experiment. Returns the exit code. */
export async function mergeShards(
  req: { shards: string[]; out: string; quiet: boolean },
  io: Io,
): Promise<number> {
  checkOutputFolder(req.out, '--out');
  const { header, data, files } = readShards(req.shards);
  // The same assembly as a single run, from the same data in the same order: the same bytes.
  // The files' shapes are checked as they are read; a mix they do not catch (one run with
  // warmers, another without) is still their fault, not a crash.
  const output = readable(files.join(', '), 'shard files this version can merge', () =>
    assembleUnits(header, data),
  );
  const release = lockOutputFolder(req.out, '--out');
  try {
    await writing('no results.json written', () => writeOutputs(req.out, output));
  } finally {
    release();
  }
  if (!req.quiet) io.stdout.write(`${resultsTable(output.results)}\n\nwrote ${req.out}/\n`);
  return 0;
}
