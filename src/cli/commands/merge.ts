import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { RUN_OPTIONS } from '../options.ts';

interface Args {
  shards: string[];
  out: string;
  quiet: boolean;
}

export const mergeCommand: Command<Args> = {
  command: 'merge <shards..>',
  describe: 'Combine the shard files of "run --shard" into the results of the whole experiment',
  builder: (y: Argv<object>) =>
    y
      .positional('shards', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Shard files, or folders with shard files',
      })
      .option('out', { type: 'string', demandOption: true, describe: 'Output folder' })
      .option('quiet', RUN_OPTIONS.quiet)
      .example('$0 merge shards/* --out output/chain-depth', 'after every shard has run'),
  run: async (argv: Args, io: Io) => {
    const { mergeShards } = await import('../../node/mergeShards.ts');
    return mergeShards({ shards: argv.shards, out: argv.out, quiet: argv.quiet }, io);
  },
};
