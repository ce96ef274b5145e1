import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resultsTable } from '../../experiments/resultsTable.ts';
import { assembleUnits } from '../../experiments/runExperiment.ts';
import { checkOutputFolder, writing } from '../../node/outputFolder.ts';
import { readShards } from '../../node/shards/index.ts';
import { writeOutputs } from '../../node/writeOutputs.ts';

interface Args {
  shards: string[];
  out: string;
  quiet: boolean;
}

export const mergeCommand: CommandModule<object, Args> = {
  command: 'merge <shards..>',
  describe: 'Combine the shard files of "run --shard" into the results of the whole experiment',
  builder: (y) =>
    (y as Argv<object>)
      .positional('shards', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Shard files, or folders with shard files',
      })
      .option('out', { type: 'string', demandOption: true, describe: 'Output folder' })
      .option('quiet', { type: 'boolean', alias: 'q', default: false })
      .example(
        '$0 merge shards/* --out output/chain-depth',
        'after every shard has run',
      ) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    checkOutputFolder(argv.out, '--out');
    // Every shard file is checked by its schema as it is read, and against the others: what
    // assembly then meets is what a run hands it, so an error there is coldtail's own.
    const { header, data } = readShards(argv.shards);
    // The same assembly as a single run, from the same data in the same order: the same bytes.
    const output = assembleUnits(header, data);
    await writing('no results.json written', () => writeOutputs(argv.out, output));
    if (!argv.quiet)
      process.stdout.write(`${resultsTable(output.results)}\n\nwrote ${argv.out}/\n`);
  },
};
