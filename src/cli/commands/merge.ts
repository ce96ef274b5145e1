import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resultsTable } from '../../experiments/resultsTable.ts';
import { assembleUnits } from '../../experiments/runExperiment.ts';
import { readShards } from '../../node/shards.ts';
import { writeOutputs } from '../../node/writeOutputs.ts';

interface Args {
  dirs: string[];
  out: string;
  quiet: boolean;
}

export const mergeCommand: CommandModule<object, Args> = {
  command: 'merge <dirs..>',
  describe: 'Combine the shard files of "run --shard" into the results of the whole experiment',
  builder: (y) =>
    (y as Argv<object>)
      .positional('dirs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Folders with shard files',
      })
      .option('out', { type: 'string', demandOption: true, describe: 'Output folder' })
      .option('quiet', { type: 'boolean', alias: 'q', default: false })
      .example(
        '$0 merge shards/* --out output/chain-depth',
        'after every shard has run',
      ) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const { header, data } = readShards(argv.dirs);
    // The same assembly as a single run, from the same data in the same order: the same bytes.
    const output = assembleUnits(header, data);
    writeOutputs(argv.out, output);
    if (!argv.quiet)
      process.stdout.write(`${resultsTable(output.results)}\n\nwrote ${argv.out}/\n`);
  },
};
