/**
 * The playground's static build (what `npm start` writes): one self-contained
 * file, output/playground/index.html, that works from a static server and
 * opened from disk. Built by Vite, a development dependency: a clone's
 * `npm install` has it; an install without development dependencies does
 * not, and then the playground is skipped with a message, not a failure.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PLAYGROUND_OUT, playgroundConfig } from './playgroundConfig.ts';

/** Vite is not installed: the page cannot be built here. */
export class PlaygroundUnavailable extends Error {}

/** Loads Vite, or says why it cannot. */
export async function loadVite(): Promise<typeof import('vite')> {
  try {
    return await import('vite');
  } catch {
    throw new PlaygroundUnavailable(
      'the playground is built with Vite, a development dependency that is not installed here: run `npm install` in the coldtail folder (without --omit=dev) to build it',
    );
  }
}

/**
 * Builds the page into `outDir` (default output/playground) and returns the
 * path of its index.html. The build goes to a folder beside it first, which
 * then replaces the old one: a failed or interrupted build leaves the
 * previous page whole.
 */
export async function buildPlayground(outDir = PLAYGROUND_OUT): Promise<string> {
  const vite = await loadVite();
  const target = resolve(outDir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await vite.build(playgroundConfig(staging));
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(target, 'index.html');
}
