#!/usr/bin/env node
/**
 * The `coldtail` command (compiled to dist/cli/bin.js and bundled into dist/bin/bin.js, the command npm links). The signal watcher comes first
 * (a static import, evaluated before anything else is loaded), so that Ctrl-C while the
 * CLI is still loading is remembered and reported with exit 130 rather than ignored or
 * fatal with no word. The rest loads after it.
 */
import { processInterrupts } from '../node/interrupt.ts';

const interrupts = processInterrupts();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  interrupts,
});
