import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { presetRegistry } from '../../models/registry.ts';
import { readJson } from '../../node/files.ts';
import { loadExperiment } from '../../node/loadExperiment.ts';
import { errorMessage, isInputError } from '../errors.ts';

interface Args {
  files: string[];
  quiet: boolean;
}

/** Model files say `"kind": "platform"` or `"client"`; anything else is read as an experiment. */
function validateOne(file: string): void {
  const json = readJson(file);
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind === 'platform' || kind === 'client') presetRegistry().add(json, file);
  else loadExperiment(file);
}

export const validateCommand: CommandModule<object, Args> = {
  command: 'validate <files..>',
  describe: 'Check model and experiment files; errors name the file, the field and the reason',
  builder: (y) =>
    (y as Argv<object>)
      .positional('files', { type: 'string', array: true, demandOption: true })
      .option('quiet', {
        type: 'boolean',
        alias: 'q',
        default: false,
        describe: 'Print only errors',
      })
      .example(
        '$0 validate experiments/*.json models/platforms/*.json',
        'check everything',
      ) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    let bad = 0;
    for (const file of argv.files) {
      try {
        validateOne(file);
        if (!argv.quiet) process.stdout.write(`ok  ${file}\n`);
      } catch (e) {
        if (!isInputError(e)) throw e;
        bad++;
        process.stderr.write(`${errorMessage(e)}\n`);
      }
    }
    if (bad > 0) process.exitCode = 2;
  },
};
