import { InputError } from '../node/inputError.ts';

/** Options shared by the commands that run experiments; one place for their help. */
export const RUN_OPTIONS = {
  seed: { type: 'string', describe: "Master seed (overrides the experiment's)" },
  replications: {
    requiresArg: true,
    describe: "Replications per point, 1 to 10000 (overrides the experiment's)",
  },
  models: {
    type: 'array',
    string: true,
    describe: 'Extra model files or folders (platforms and clients) to use by name',
  },
  'max-points': {
    requiresArg: true,
    describe: 'Refuse sweeps with more points than this',
    default: 10_000,
  },
  quiet: { type: 'boolean', alias: 'q', describe: 'Print nothing but errors', default: false },
  threads: {
    requiresArg: true,
    describe: 'Worker threads, 1 to 256 (default: the number of cores)',
  },
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
 * Checks what yargs cannot: a function of the parsed arguments that throws InputError
 * (exit 2) with the option's name, the reason and the text given. Whole-number options
 * arrive as the text typed (main turns yargs' number parsing off, so that "abc" is not
 * NaN and "99999999999999999999" is not 1e20); once checked they are numbers in argv.
 */
export function check(argv: Record<string, unknown>): true {
  wholeNumber(argv, 'replications', 1, 10_000);
  wholeNumber(argv, 'max-points', 1, Number.MAX_SAFE_INTEGER);
  wholeNumber(argv, 'point', 0, Number.MAX_SAFE_INTEGER);
  wholeNumber(argv, 'threads', 1, 256);
  const seed = argv.seed;
  if (Array.isArray(seed)) throw new InputError('--seed: given more than once');
  if (seed !== undefined && String(seed).trim() === '')
    throw new InputError('--seed: must not be empty');
  if (argv.shard !== undefined) checkShard(argv.shard);
  return true;
}

/** A whole number as typed: digits only, within the safe range of doubles. */
function parseWhole(text: string): number | undefined {
  if (!/^\s*\+?\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Refuses `--name` unless it is absent or a whole number in [min, max]; stores the number. */
function wholeNumber(argv: Record<string, unknown>, name: string, min: number, max: number) {
  const v = argv[name];
  if (v === undefined) return;
  if (Array.isArray(v)) throw new InputError(`--${name}: given more than once`);
  const n = typeof v === 'number' ? v : parseWhole(String(v));
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    // Quoted only when the text would not read as one word (empty, or with spaces).
    const got = typeof v === 'string' && !/^\S+$/.test(v) ? JSON.stringify(v) : String(v);
    throw new InputError(`--${name}: must be a whole number ${range} (got ${got})`);
  }
  argv[name] = n;
  const camel = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  if (camel !== name) argv[camel] = n;
}

/** `--shard K/N`: whole numbers, 1 <= K <= N, N within the safe range. */
function checkShard(v: unknown): void {
  if (Array.isArray(v)) throw new InputError('--shard: given more than once');
  const text = String(v);
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? parseWhole(m[1]) : undefined;
  const n = m ? parseWhole(m[2]) : undefined;
  if (k === undefined || n === undefined || n < 1 || k < 1 || k > n) {
    throw new InputError(
      `--shard: must be K/N with 1 <= K <= N, e.g. 2/8, whole numbers up to ${Number.MAX_SAFE_INTEGER} (got ${JSON.stringify(text)})`,
    );
  }
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

export { applyOverrides } from '../node/overrides.ts';
