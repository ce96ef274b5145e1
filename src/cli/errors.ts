import { RunLimitError } from '../experiments/runLimitError.ts';
import { InputError } from '../node/inputError.ts';
import { OutputError } from '../node/outputError.ts';
import { SpecError } from '../spec/specError.ts';
import { TraceError } from '../workload/trace/traceError.ts';

export { EXIT_BAD_INPUT, EXIT_FAILURE } from './exitCodes.ts';

/** Errors that are the input's fault: exit code 2, the message alone. */
export function isInputError(e: unknown): boolean {
  return (
    e instanceof SpecError ||
    e instanceof InputError ||
    e instanceof TraceError ||
    e instanceof RunLimitError
  );
}

export function errorMessage(e: unknown): string {
  if (e instanceof RunLimitError) return `coldtail: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** A file that could not be written, or any error of the operating system (not coldtail's). */
export function isOutputError(e: unknown): boolean {
  return (
    e instanceof OutputError ||
    (e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string')
  );
}
