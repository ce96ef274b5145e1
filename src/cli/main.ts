/**
 * The command line: a thin shell over the library.
 *
 *   argv --yargs--> command (src/cli/commands) --> work (src/node, src/experiments) --> io
 *
 * `main(argv, io)` runs one command and returns its exit code; it never touches
 * process.exit or process.exitCode, so tests call it in-process. Exit codes: 0 success,
 * 2 bad input (the message names the file, the field and the reason), 130 interrupted,
 * 1 anything else.
 */
import type { CommandModule } from 'yargs';
import { EXIT_INTERRUPTED, NO_INTERRUPTS } from '../node/interrupt.ts';
import type { Io } from '../node/io.ts';
import { VERSION } from '../version.ts';
import { isCommand } from './command.ts';
import { commands } from './commands/index.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE } from './exitCodes.ts';
import { loadYargs } from './loadYargs.ts';

/** A usage error from yargs (unknown option, missing argument): bad input, with a hint. */
class UsageError extends Error {}

export async function main(args: string[], io: Partial<Io> = {}): Promise<number> {
  const full: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    interrupts: io.interrupts ?? NO_INTERRUPTS,
  };
  if (full.interrupts.requested()) {
    full.stderr.write('coldtail: interrupted before starting; nothing written\n');
    return EXIT_INTERRUPTED;
  }
  // `coldtail --version` alone answers before yargs is loaded (a third of the start-up).
  if (args.length === 1 && args[0] === '--version') {
    full.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const yargs = await loadYargs();
  let code = 0;
  let cli = yargs()
    .scriptName('coldtail')
    .version(VERSION)
    .usage('$0 <command> [options]\n\nA discrete-event simulator of serverless invocation latency.')
    .demandCommand(1, `Name a command: ${commands.map((c) => commandName(c)).join(', ')}.`)
    .recommendCommands()
    .strict()
    // Whole-number options keep the text given, so that a refusal can quote it ("got abc",
    // not "got NaN"); the commands' checks turn them into numbers.
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    .exitProcess(false)
    .wrap(Math.min(100, full.stdout.columns ?? 100))
    .epilogue(
      'Docs: README.md and docs/. Exit codes: 0 ok, 2 bad input, 130 interrupted, 1 other errors.',
    )
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  for (const c of commands) {
    if (!isCommand(c)) {
      cli = cli.command(c as CommandModule<object, never>);
      continue;
    }
    cli = cli.command({
      command: c.command,
      describe: c.describe,
      builder: c.builder,
      handler: async (argv) => {
        code = (await c.run(argv as never, full)) ?? 0;
      },
    });
  }
  skipHelpCache(cli);
  try {
    const output = await new Promise<string>((resolve, reject) => {
      // With a callback yargs prints nothing and exits nothing: help and version come back
      // as text, for this io.
      cli
        .help()
        .alias('help', 'h')
        .parseAsync(args, {}, (err, _argv, text) => (err ? reject(err) : resolve(text)))
        .catch(reject);
    });
    if (output) full.stdout.write(`${output}\n`);
    return code;
  } catch (e) {
    return reportError(e, full);
  }
}

/**
 * yargs lays out a command's whole help text each time the command runs, in case it must
 * show it after the handler (cacheHelpMessage): a fifth of `coldtail validate`'s start-up
 * (50-90 ms of string widths), for a text we never show then (.fail throws, and help is asked
 * for with --help, which builds it anew). Turned off where yargs has it (18.x); a yargs
 * without it is left as it is.
 */
function skipHelpCache(cli: object): void {
  const usage = (cli as { getInternalMethods?: () => { getUsageInstance?: () => unknown } })
    .getInternalMethods?.()
    ?.getUsageInstance?.() as { cacheHelpMessage?: unknown } | undefined;
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

function commandName(c: { command?: string | readonly string[] }): string {
  return String(c.command).split(' ')[0];
}

/** Prints an error as its kind wants and returns the exit code. */
async function reportError(e: unknown, io: Io): Promise<number> {
  if (e instanceof UsageError) {
    io.stderr.write(`coldtail: ${e.message}\nRun "coldtail --help" for usage.\n`);
    return EXIT_BAD_INPUT;
  }
  // Loaded only on an error: the error classes pull in the schema library.
  const { errorMessage, isInputError, isOutputError } = await import('./errors.ts');
  if (isInputError(e)) {
    io.stderr.write(`${errorMessage(e)}\n`);
    return EXIT_BAD_INPUT;
  }
  // A file that cannot be written (disk full, a folder in the way) is the machine's
  // trouble, not coldtail's: one line, no stack.
  if (isOutputError(e)) {
    const message = (e as Error).message;
    io.stderr.write(`${message.startsWith('coldtail: ') ? '' : 'coldtail: '}${message}\n`);
    return EXIT_FAILURE;
  }
  io.stderr.write(
    `coldtail: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return EXIT_FAILURE;
}
