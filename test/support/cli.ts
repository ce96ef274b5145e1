/**
 * Running coldtail in tests. A stable API, used across test/:
 *
 *   run(args, { cwd?, interrupts? })   main(argv, io) in this process: no process start-up
 *     -> Promise<CliResult>            (use it wherever the process itself is not what is
 *                                      tested). Relative paths resolve against the test
 *                                      process's folder: pass absolute paths, and always --out.
 *   interruptible()                    a Ctrl-C you press yourself in an in-process run:
 *                                      run(args, { interrupts: ctl }); ctl.interrupt()
 *   coldtail(args, { cwd?, env? })     the built CLI (dist/bin/bin.js) as a real process,
 *     -> CliResult                     to the end: for exit codes of the real process,
 *                                      stdout buffering, what a user's shell sees.
 *   coldtailAsync(args, { cwd?, env? }) the same in the background, for signals:
 *     -> { child, done, stderr() }     child.kill('SIGINT'); await done (adds `at`, ms).
 *   tempDir(prefix?), smallExperiment(overrides?)
 *
 * CliResult: { status, code (the same exit code; null if killed), signal, stdout, stderr }.
 * dist/ is built before the tests by test/support/globalSetup.ts when src/ is newer.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Interrupts, Writer } from '../../src/node/io.ts';

/** The built command, as npm links it. */
export const BIN = resolve('dist/bin/bin.js');

export interface CliResult {
  status: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A writer that keeps what is written (not a terminal: no progress bar). */
class Captured implements Writer {
  text = '';
  write(s: string) {
    this.text += s;
    return true;
  }
}

/** Ctrl-C for an in-process run. */
export function interruptible(): Interrupts & { interrupt(): void } {
  let stop = false;
  return {
    requested: () => stop,
    interrupt: () => {
      stop = true;
    },
  };
}

/** `coldtail <args>` in this process through main(argv, io): what it printed and its exit code. */
export async function run(
  args: string[],
  options: { interrupts?: Interrupts } = {},
): Promise<CliResult> {
  const stdout = new Captured();
  const stderr = new Captured();
  const code = await main(args, { stdout, stderr, interrupts: options.interrupts });
  return { status: code, code, signal: null, stdout: stdout.text, stderr: stderr.text };
}

/** Runs `coldtail ...` as a user would: a separate process, from `cwd`, to the end. */
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
  return { status: r.status, code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `coldtail <args>` as a process in the background (killed after two minutes). */
export function coldtailAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): { child: ChildProcess; done: Promise<CliResult & { at: number }>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const done = new Promise<CliResult & { at: number }>((ok) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ok({ status: code, code, signal, stdout, stderr, at: Date.now() });
    });
  });
  return { child, done, stderr: () => stderr };
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
