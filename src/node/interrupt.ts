import type { Interrupts } from './io.ts';

/**
 * Ctrl-C and SIGTERM for the life of the process: bin.ts installs the watcher before it
 * loads anything else, so that a signal at any moment (while the CLI loads, while the
 * experiment is read, between two experiments, during the last chart) is remembered and
 * acted on, never ignored and never fatal without a word. The run checks the flag
 * between steps of work (well within a second), keeps what is complete, marks it partial
 * and exits 130.
 */
let watcher: Interrupts | undefined;

export function processInterrupts(): Interrupts {
  if (watcher) return watcher;
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  watcher = { requested: () => stop };
  return watcher;
}

/** Never interrupted: for library callers and tests that do not send a signal. */
export const NO_INTERRUPTS: Interrupts = { requested: () => false };

/**
 * Lets the event loop run through its poll phase, so that a signal that came during
 * synchronous work (a chart being drawn, the last unit of a run) has set the flag before
 * the caller looks at it. Two immediates, not one: from a continuation of a file write
 * (poll phase) one setImmediate runs in the same turn, before the signal is read, and a
 * Ctrl-C during the last unit ended with exit 0 (test/node/interrupt.test.ts).
 */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Synchronous work between two looks at Ctrl-C in runSteps, at most (well within a second). */
const TURN_EVERY_MS = 50;

/**
 * Runs synchronous work given as steps (a generator that yields between bounded pieces) to
 * its end, giving the event loop a turn whenever TURN_EVERY_MS have passed, so that a signal
 * reaches its listener; returns null as soon as Ctrl-C is seen (looked at after every step),
 * without finishing.
 */
export async function runSteps<T>(
  steps: Generator<void, T>,
  interrupts: Interrupts,
): Promise<{ value: T } | null> {
  let lastTurn = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value };
    if (performance.now() - lastTurn >= TURN_EVERY_MS) {
      await yieldToSignals();
      lastTurn = performance.now();
    }
    // At every step: the flag may be set already (a turn given elsewhere), and reading it is free.
    if (interrupts.requested()) return null;
  }
}

/** The conventional exit code after an interrupt (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/**
 * Says that the command was interrupted and what it kept ("coldtail: interrupted; kept 3
 * complete points in out/ (marked partial)"), and returns the exit code: one wording for
 * every command.
 */
export function reportInterrupted(
  stderr: { write(text: string): unknown },
  detail: string,
): number {
  stderr.write(`coldtail: interrupted${detail}\n`);
  return EXIT_INTERRUPTED;
}
