import { InputError } from '../node/inputError.ts';

/** Options shared by the commands that run experiments; one place for their help. */
export const RUN_OPTIONS = {
  seed: { type: 'string', describe: "Master seed (overrides the experiment's)" },
  replications: { type: 'number', describe: "Replications per point (overrides the experiment's)" },
  models: {
    type: 'array',
    string: true,
    describe: 'Extra model files or folders (platforms and clients) to use by name',
  },
  'max-points': {
    type: 'number',
    describe: 'Refuse sweeps with more points than this',
    default: 10_000,
  },
  quiet: { type: 'boolean', alias: 'q', describe: 'Print nothing but errors', default: false },
  threads: { type: 'number', describe: 'Worker threads (default: the number of cores)' },
  force: {
    type: 'boolean',
    default: false,
    describe: 'Run even when the estimated work is above the limit (about 3 core-hours)',
  },
} as const;

/** Above this many simulated calls a run is refused unless --force: about 3 core-hours. */
export const WORK_LIMIT_CALLS = 1e10;

export interface RunArgs {
  seed?: string;
  replications?: number;
  models?: string[];
  maxPoints: number;
  quiet: boolean;
  threads?: number;
  force: boolean;
}

/**
 * Checks what yargs cannot: a pure function of the parsed arguments that
 * throws InputError (exit 2) with the option's name and the reason.
 */
export function check(argv: Record<string, unknown>): true {
  wholeNumber(argv, 'replications', 1, 10_000);
  wholeNumber(argv, 'max-points', 1);
  wholeNumber(argv, 'point', 0);
  wholeNumber(argv, 'threads', 1, 256);
  const seed = argv.seed;
  if (seed !== undefined && String(seed).trim() === '')
    throw new InputError('--seed: must not be empty');
  return true;
}

/** Refuses `--name` unless it is absent or a whole number in [min, max]. */
function wholeNumber(argv: Record<string, unknown>, name: string, min: number, max = Infinity) {
  const v = argv[name];
  if (v === undefined || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
    return;
  }
  const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
  throw new InputError(`--${name}: must be a whole number ${range} (got ${String(v)})`);
}

/** The top-level fields that --seed and --replications set over an experiment file. */
export function specOverrides(args: {
  seed?: string;
  replications?: number;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A number only while it is exact: --seed 9007199254740993 stays the string it was.
  if (args.seed !== undefined) {
    out.seed =
      /^\d+$/.test(args.seed) && Number.isSafeInteger(Number(args.seed))
        ? Number(args.seed)
        : args.seed;
  }
  if (args.replications !== undefined) out.replications = args.replications;
  return out;
}

/** Applies overrides to a parsed experiment file (before validation; a non-object fails there). */
export function applyOverrides(raw: unknown, overrides: Record<string, unknown>): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return { ...(raw as Record<string, unknown>), ...overrides };
}
