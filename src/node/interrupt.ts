/**
 * Ctrl-C and SIGTERM: the first asks the run to stop (it checks between
 * chunks of events, well within a second); the run keeps what is complete,
 * marks it partial and exits 130.
 */
export function watchInterrupts(): { requested: () => boolean; dispose: () => void } {
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested: () => stop,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The conventional exit code after an interrupt (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
