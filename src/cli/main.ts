/**
 * The command line: a thin shell over the library.
 *
 *   argv --yargs--> command --> load files (node/) --> prepare + run (experiments/) --> write files (node/)
 *
 * Exit codes: 0 success, 2 bad input (the message names the file, the field
 * and the reason), 130 interrupted, 1 anything else.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT_INTERRUPTED } from '../node/interrupt.ts';
import { OutputError } from '../node/outputFolder.ts';
import { VERSION } from '../version.ts';
import { commands } from './commands/index.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, errorMessage, isInputError } from './errors.ts';

/** Takes over from bin.js's early Ctrl-C handler: true if Ctrl-C came while loading. */
function interruptedWhileLoading(): boolean {
  const g = globalThis as { coldtailEarlyInterrupt?: boolean; coldtailEarlyHandlers?: () => void };
  if (g.coldtailEarlyHandlers) {
    process.off('SIGINT', g.coldtailEarlyHandlers);
    process.off('SIGTERM', g.coldtailEarlyHandlers);
  }
  return g.coldtailEarlyInterrupt === true;
}

export async function main(args: string[]): Promise<void> {
  if (interruptedWhileLoading()) {
    process.stderr.write('coldtail: interrupted before starting; nothing written\n');
    process.exitCode = EXIT_INTERRUPTED;
    return;
  }
  let cli = yargs(args)
    .scriptName('coldtail')
    .version(VERSION)
    .usage('$0 <command> [options]\n\nA discrete-event simulator of serverless invocation latency.')
    .demandCommand(
      1,
      `Name a command: ${commands.map((c) => String(c.command).split(' ')[0]).join(', ')}.`,
    )
    .recommendCommands()
    .strict()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue('Docs: README.md. Exit codes: 0 ok, 2 bad input, 130 interrupted, 1 other errors.')
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`coldtail: ${msg}\nRun "coldtail --help" for usage.\n`);
      process.exit(EXIT_BAD_INPUT);
    });
  for (const c of commands) cli = cli.command(c as never);
  try {
    await cli.help().alias('help', 'h').parseAsync();
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`${errorMessage(e)}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    // A file that cannot be written (disk full, a folder in the way) is the machine's
    // trouble, not coldtail's: one line, no stack.
    if (e instanceof OutputError || isSystemError(e)) {
      const message = (e as Error).message;
      process.stderr.write(`${message.startsWith('coldtail: ') ? '' : 'coldtail: '}${message}\n`);
      process.exitCode = EXIT_FAILURE;
      return;
    }
    process.stderr.write(
      `coldtail: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = EXIT_FAILURE;
  }
}

/** An error from the operating system (a failed open, write, rename...), not from coldtail. */
function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

await main(hideBin(process.argv));
