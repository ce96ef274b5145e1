import type { Argv } from 'yargs';
import type { ModelRegistry } from '../../models/registry.ts';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';
import { RUN_OPTIONS } from '../options.ts';

interface Args {
  files: string[];
  models?: string[];
  quiet: boolean;
  force: boolean;
}

/**
 * Model files say `"kind": "platform"` or `"client"`; anything else is read as an
 * experiment. A file with any other `kind` is a model with a misspelt kind, which the
 * registry names, rather than an experiment with an unknown field.
 */
function isModel(json: unknown): boolean {
  return typeof (json as { kind?: unknown } | null)?.kind === 'string';
}

export const validateCommand: Command<Args> = {
  command: 'validate <files..>',
  describe:
    'Check model and experiment files as run would; errors name the file, the field and the reason',
  builder: (y: Argv<object>) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Experiment and model files (platforms, clients); models are checked first',
      })
      .option('models', RUN_OPTIONS.models)
      .option('force', {
        ...RUN_OPTIONS.force,
        describe:
          'Accept an experiment whose estimated work is above the limit (as run --force does)',
      })
      .option('quiet', {
        type: 'boolean',
        alias: 'q',
        default: false,
        describe: 'Print only errors (not the "ok" of each good file)',
      })
      .example('$0 validate experiments/*.json', 'check every shipped experiment')
      .example('$0 validate my.json --models my-models/', 'an experiment with models of its own'),
  run: async (argv: Args, io: Io) => {
    const [{ readJson }, { loadExperiment, loadRegistry }, { checkCharts }, { checkWork }, errors] =
      await Promise.all([
        import('../../node/files.ts'),
        import('../../node/loadExperiment.ts'),
        import('../checkCharts.ts'),
        import('../workGuard.ts'),
        import('../errors.ts'),
      ]);
    const { errorMessage, isInputError } = errors;
    /** The file's JSON, or null when it cannot be read (loadExperiment then reports why). */
    const readOrNull = (file: string): unknown => {
      try {
        return readJson(file);
      } catch (e) {
        if (!isInputError(e)) throw e;
        return null;
      }
    };
    let bad = 0;
    /** Runs a check of `file`; prints ok, or the error. */
    const check = (file: string, what: () => void): boolean => {
      try {
        what();
        if (!argv.quiet) io.stdout.write(`ok  ${file}\n`);
        return true;
      } catch (e) {
        if (!isInputError(e)) throw e;
        bad++;
        io.stderr.write(`${errorMessage(e)}\n`);
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
        if (!isModel(json)) {
          // What run checks before it starts: the charts, and the estimated work.
          const prepared = loadExperiment(file, { registry: registry() });
          checkCharts(prepared);
          checkWork(prepared, argv.force);
        } else if (modelErrors.has(file)) throw modelErrors.get(file);
      });
    }
    return bad > 0 ? 2 : 0;
  },
};
