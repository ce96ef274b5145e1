import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ for the tests that start the CLI as a process (only when src/ changed).
    globalSetup: ['test/support/globalSetup.ts'],
    // Worker threads run the compiled worker that globalSetup built (see the file).
    setupFiles: ['test/support/compiledWorkers.ts'],
    // Statistical and end-to-end tests run whole simulations; a generous
    // per-test limit avoids flakes on a loaded 2-core machine.
    testTimeout: 120_000,
    // One test file per core: vitest's default is one fewer than the cores, which on a
    // 2-core machine ran the whole suite on one worker (382 s where 2 workers take about
    // half; most files are CPU-bound simulations, not waiting on I/O).
    maxWorkers: availableParallelism(),
    // Test files share each worker's module cache instead of importing the sources afresh
    // per file: that import was some 60 s of the suite's 375 s of file time on 2 cores, and
    // without it vitest took 161 s instead of 265 s (measured 2026-12-03, load about 1).
    // A file that needs modules of its own (an unmock, a module's first-load state) calls
    // vi.resetModules() and imports them dynamically (test/node/threads.test.ts,
    // test/cli/loadYargs.test.ts); spies are restored after each test where they are made.
    isolate: false,
    hookTimeout: 120_000,
    // The longest files first, also in a clean clone with no durations measured (see the file).
    sequence: { sequencer: LongestFirst },
  },
});
