import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type CliResult, coldtail, coldtailAsync } from '../support/cli.ts';

export { BIN, type CliResult, coldtailAsync, interruptible, run } from '../support/cli.ts';

/** A fresh temporary folder. */
export function tempDir(prefix = 'coldtail-hardening-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (JSON values are stringified) into `dir`; returns their paths by name. */
export function writeFiles(dir: string, files: Record<string, unknown>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    paths[name] = path;
  }
  return paths;
}

/** Runs the built `coldtail <args>` as a process to the end (cwd: `cwd`). */
export function cli(args: string[], cwd: string): CliResult {
  return coldtail(args, { cwd });
}

/** Runs the built `coldtail <args>` as a process in the background (cwd: `cwd`). */
export function cliAsync(args: string[], cwd: string) {
  return coldtailAsync(args, { cwd });
}

/** A line of a stack trace ("    at f (file.ts:1:2)"). */
export const STACK_FRAME = /^\s+at\s/m;

/** A minimal valid experiment, fields overridable. */
export function experiment(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'hostile',
    description: 'a small experiment that the tests break on purpose',
    duration: '10s',
    replications: 1,
    client: 'same-region',
    platform: 'aws-lambda-2019',
    workload: { poisson: { perSecond: 5 } },
    ...fields,
  };
}

/** About 10 s a replication of simulation: long enough to interrupt, or to tell "refused before the run" from "after". */
export const LONG_EXPERIMENT = experiment({
  name: 'long',
  duration: '1h',
  replications: 2,
  platform: 'cloudflare-workers',
  workload: { poisson: { perSecond: 2000 } },
});

/** Exit code 2, one line on stderr starting with `start` and holding `parts`, no stack, no stdout. */
export function expectBadInput(r: CliResult, start: string, ...parts: (string | RegExp)[]): void {
  const context = `exit ${r.code}\n${r.stderr}`;
  expect(r.code, context).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, context).toHaveLength(1);
  expect(lines[0].startsWith(start), context).toBe(true);
  for (const p of parts) {
    if (typeof p === 'string') expect(lines[0], context).toContain(p);
    else expect(lines[0], context).toMatch(p);
  }
  expect(r.stderr, context).not.toMatch(STACK_FRAME);
  expect(r.stderr, context).not.toContain('internal error');
  expect(r.stdout).toBe('');
}
