#!/usr/bin/env node
// The `coldtail` command: registers tsx so that the TypeScript sources run
// as they are (no build step to remember), then starts the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
