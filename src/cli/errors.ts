import { RunLimitError } from '../experiments/replication.ts';
import { InputError } from '../node/inputError.ts';
import { SpecError } from '../spec/specError.ts';
import { TraceError } from '../workload/trace/traceError.ts';

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

export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;
