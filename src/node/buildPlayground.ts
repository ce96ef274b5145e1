/**
 * The playground's static build (what `npm start` writes): one self-contained
 * file, output/playground/index.html, that works from a static server and
 * opened from disk. Built by Vite, a development dependency: a clone's
 * `npm install` has it; an install without development dependencies does
 * not, and then the playground is skipped with a message, not a failure.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from './files.ts';
import { PLAYGROUND_OUT, PLAYGROUND_SOURCES, playgroundConfig } from './playgroundConfig.ts';

/** Vite is not installed: the page cannot be built here. */
export class PlaygroundUnavailable extends Error {}

/** Loads Vite, or says why it cannot. */
export async function loadVite(): Promise<typeof import('vite')> {
  if (!existsSync(join(PLAYGROUND_SOURCES, 'index.html'))) {
    throw new PlaygroundUnavailable(
      `the playground is built from its sources (${PLAYGROUND_SOURCES}), which this install does not have: use a clone of the coldtail repository`,
    );
  }
  try {
    return await import('vite');
  } catch {
    throw new PlaygroundUnavailable(
      'the playground is built with Vite, a development dependency that is not installed here: run `npm install` in the coldtail folder (without --omit=dev) to build it',
    );
  }
}

const REPO = resolve(import.meta.dirname, '../..');
/** Beside index.html: the digest of what the build was made from. */
const STAMP = 'build.sha256';

/**
 * A digest of everything the page is built from: the sources that go into
 * the bundle (every layer that runs in a browser, the presets), this file's
 * Vite settings, and the locked versions of the packages.
 */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(REPO, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const d of readdirSync(join(REPO, 'src')).sort()) {
    if (d === 'cli') continue;
    const path = join(REPO, 'src', d);
    if (d === 'node') {
      hash.update(readFileSync(join(path, 'playgroundConfig.ts')));
      walk(join(path, 'fonts'));
    } else if (statSync(path).isDirectory()) walk(path);
    else hash.update(readFileSync(path));
  }
  walk(join(REPO, 'models'));
  for (const f of ['package.json', 'package-lock.json']) {
    if (existsSync(join(REPO, f))) hash.update(readFileSync(join(REPO, f)));
  }
  return hash.digest('hex');
}

export interface BuildPlaygroundOptions {
  /** Build even when the page in outDir was built from the same sources. */
  force?: boolean;
}

/**
 * Builds the page into `outDir` (default output/playground), unless the page
 * there was built from the same sources, and returns the path of its
 * index.html and whether it was built now. The build goes to a folder beside
 * it first, which then replaces the old one: a failed or interrupted build
 * leaves the previous page whole.
 */
export async function buildPlayground(
  outDir = PLAYGROUND_OUT,
  options: BuildPlaygroundOptions = {},
): Promise<{ file: string; built: boolean }> {
  const target = resolve(outDir);
  const file = join(target, 'index.html');
  const digest = sourceDigest();
  const stamp = join(target, STAMP);
  if (
    !options.force &&
    existsSync(file) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === digest
  ) {
    return { file, built: false };
  }
  const vite = await loadVite();
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.building-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await vite.build(playgroundConfig(staging));
    writeFileAtomic(join(staging, STAMP), `${digest}\n`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return { file, built: true };
}
