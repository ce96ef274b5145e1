import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('src/cli/bin.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `coldtail ...` as a user would: a separate process, from `cwd`. */
export function coldtail(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'coldtail-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small, fast experiment as JSON text. */
export function smallExperiment(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    name: 'small',
    description: 'A small experiment for tests',
    seed: 7,
    replications: 2,
    duration: '60s',
    warmup: '10s',
    client: 'us-metro',
    workload: { poisson: { perSecond: 20 } },
    graph: { chain: { depth: 2 } },
    sweep: { platform: ['aws-lambda-2019', 'cloudflare-workers'] },
    ...overrides,
  });
}
