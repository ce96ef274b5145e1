/**
 * Before any test: the tests that start coldtail as a process run the built CLI
 * (dist/bin/bin.js, as the package ships it), so dist/ is rebuilt when any source is newer
 * than the last build (a walk of file times, milliseconds when nothing changed). And the
 * playground page is built once into test-output/playground/ (see playground.ts), for the
 * tests that open it or link to it; again only when its sources changed.
 *
 * The two builds run at once: in a clean clone (CI) both are needed, and one after the other
 * they were the longest wait before the first test (the compile is one core's work for some
 * 20 s, the page's build mostly another's).
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlayground } from '../../src/node/buildPlayground.ts';
import { PLAYGROUND_DIR } from './playground.ts';

const BUILD_INFO = 'dist/.tsbuildinfo';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default async function setup(): Promise<void> {
  let built = 0;
  try {
    built = statSync(BUILD_INFO).mtimeMs;
  } catch {
    // Never built.
  }
  const sources = Math.max(newest('src'), statSync('tsconfig.build.json').mtimeMs);
  // Incremental (tsc's build info): only the changed sources are compiled again, seconds
  // instead of a full build; a file of a deleted source may linger in dist/, which no test
  // runs (the bundle is made anew, and npm pack builds afresh through prepare).
  const dist =
    sources > built
      ? new Promise<void>((done, fail) => {
          const child = spawn(process.execPath, ['scripts/build.mjs', '--incremental'], {
            stdio: 'inherit',
          });
          child.on('error', fail);
          child.on('exit', (code, signal) => {
            if (code !== 0) {
              fail(new Error(`the build of dist/ (scripts/build.mjs) failed: ${signal ?? code}`));
              return;
            }
            // tsc leaves its build info as it was when no output changed (a source touched, not
            // edited), and every later run would build again: its time is set to that of the
            // newest source this build saw (a source saved during the build is newer still).
            // (Rounded up to the millisecond: a Date would round it down, below the source's.)
            const seen = Math.ceil(sources) / 1000;
            utimesSync(BUILD_INFO, seen, seen);
            done();
          });
        })
      : Promise.resolve();
  // Both settle before either failure is reported: no build is left running behind the tests.
  const [d, p] = await Promise.allSettled([dist, buildPlayground(PLAYGROUND_DIR)]);
  for (const r of [d, p]) if (r.status === 'rejected') throw r.reason;
}
