import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ for the tests that start the CLI as a process (only when src/ changed).
    globalSetup: ['test/support/globalSetup.ts'],
    // Statistical and end-to-end tests run whole simulations; a generous
    // per-test limit avoids flakes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
