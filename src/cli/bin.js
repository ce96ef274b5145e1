#!/usr/bin/env node
// The `coldtail` command: registers tsx so that the TypeScript sources run
// as they are (no build step to remember), then starts the CLI.
import { register } from 'tsx/esm/api';

// Ctrl-C while the CLI is still loading: remember it, and let main exit 130
// (rather than die by the signal with no word and no exit code).
const early = () => {
  globalThis.coldtailEarlyInterrupt = true;
};
globalThis.coldtailEarlyHandlers = early;
process.on('SIGINT', early);
process.on('SIGTERM', early);

register();
await import('./main.ts');
