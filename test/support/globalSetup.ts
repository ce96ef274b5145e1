/**
 * Before any test: the tests that start coldtail as a process run the built CLI
 * (dist/bin/bin.js, as the package ships it), so dist/ is rebuilt when any source is newer
 * than the last build (a walk of file times, milliseconds when nothing changed). And the
 * playground page is built once into test-output/playground/ (see playground.ts), for the
 * tests that open it or link to it; again only when its sources changed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlayground } from '../../src/node/buildPlayground.ts';
import { PLAYGROUND_DIR } from './playground.ts';

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
    built = statSync('dist/.tsbuildinfo').mtimeMs;
  } catch {
    // Never built.
  }
  const sources = Math.max(newest('src'), statSync('tsconfig.build.json').mtimeMs);
  // Incremental (tsc's build info): only the changed sources are compiled again, seconds
  // instead of a full build; a file of a deleted source may linger in dist/, which no test
  // runs (the bundle is made anew, and npm pack builds afresh through prepare).
  if (sources > built)
    execFileSync(process.execPath, ['scripts/build.mjs', '--incremental'], { stdio: 'inherit' });
  await buildPlayground(PLAYGROUND_DIR);
}
