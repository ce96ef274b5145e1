import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { ModelRegistry } from '../../models/registry.ts';
import { readJson } from '../../node/files.ts';
import { loadExperiment, loadRegistry } from '../../node/loadExperiment.ts';
import { checkCharts } from '../checkCharts.ts';
import { errorMessage, isInputError } from '../errors.ts';
import { RUN_OPTIONS } from '../options.ts';

interface Args {
  files: string[];
  models?: string[];
  quiet: boolean;
}

/**
 * Model files say `"kind": "platform"` or `"client"`; anything else is read as an
 * experiment. A file with any other `kind` is a model with a misspelt kind, which the
 * registry names, rather than an experiment with an unknown field.
 */
function isModel(json: unknown): boolean {
  return typeof (json as { kind?: unknown } | null)?.kind === 'string';
}

export const validateCommand: CommandModule<object, Args> = {
  command: 'validate <files..>',
  describe:
    'Check model and experiment files as run would; errors name the file, the field and the reason',
  builder: (y) =>
    (y as Argv<object>)
      .positional('files', { type: 'string', array: true, demandOption: true })
      .option('models', RUN_OPTIONS.models)
      .option('quiet', {
        type: 'boolean',
        alias: 'q',
        default: false,
        describe: 'Print only errors',
      })
      .example('$0 validate experiments/*.json models/platforms/*.json', 'check everything')
      .example(
        '$0 validate my-experiment.json --models my-models/',
        'an experiment that uses models of its own',
      ) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    let bad = 0;
    /** Runs a check of `file`; prints ok, or the error. */
    const check = (file: string, what: () => void): boolean => {
      try {
        what();
        if (!argv.quiet) process.stdout.write(`ok  ${file}\n`);
        return true;
      } catch (e) {
        if (!isInputError(e)) throw e;
        bad++;
        process.stderr.write(`${errorMessage(e)}\n`);
        return false;
      }
    };
    // Presets and --models, plus the model files given that are valid: an experiment
    // checked with them may use them by name. A new registry for each file, as run has.
    const good: { file: string; json: unknown }[] = [];
    const registry = (): ModelRegistry => {
      const r = loadRegistry(argv.models);
      for (const m of good) r.add(m.json, m.file);
      return r;
    };
    // Model files are checked first, so that an experiment may name a model listed
    // after it; every file is then reported in the order given.
    const read = argv.files.map((file) => ({ file, json: readOrNull(file) }));
    const modelErrors = new Map<string, unknown>();
    for (const { file, json } of read) {
      if (!isModel(json)) continue;
      try {
        registry().add(json, file);
        good.push({ file, json });
      } catch (e) {
        modelErrors.set(file, e);
      }
    }
    for (const { file, json } of read) {
      check(file, () => {
        if (!isModel(json)) checkCharts(loadExperiment(file, { registry: registry() }));
        else if (modelErrors.has(file)) throw modelErrors.get(file);
      });
    }
    if (bad > 0) process.exitCode = 2;
  },
};

/** The file's JSON, or null when it cannot be read (loadExperiment then reports why). */
function readOrNull(file: string): unknown {
  try {
    return readJson(file);
  } catch (e) {
    if (!isInputError(e)) throw e;
    return null;
  }
}
