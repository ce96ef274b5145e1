import type { Argv, CommandModule } from 'yargs';
import type { Io } from '../node/io.ts';

/**
 * One command of the CLI, in jest-cli's shape: its words and options as data, a pure
 * check of the parsed arguments (in `builder`, through yargs' .check), and `run`, which
 * loads the command's working modules only when the command runs (a dynamic import), so
 * that `coldtail --version` or `coldtail validate` do not pay for the simulator, the
 * charts or the worker pool. `run` writes through `io` and returns the exit code (nothing
 * for 0); errors it throws are sorted by main (bad input: 2, a failed write: 1, a bug: 1
 * with the stack).
 */
export interface Command<A = Record<string, unknown>> {
  command: string;
  describe: string;
  builder: (y: Argv<object>) => Argv<object>;
  run: (argv: A, io: Io) => Promise<number | undefined> | number | undefined;
}

/** A registry entry: a Command, or a plain yargs module (its handler writes to the process). */
export type CommandEntry = Command<never> | CommandModule<object, never>;

/** Passes a parsed argv to `run`: yargs' own type is loose, the command's is the contract. */
export function isCommand(c: CommandEntry): c is Command<never> {
  return typeof (c as Command<never>).run === 'function';
}
