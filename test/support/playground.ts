/**
 * The playground page, built once for the whole test run by globalSetup.ts into
 * test-output/playground/ (rebuilt only when its sources change, as buildPlayground does):
 * a Vite build takes several seconds of CPU, and tests that need a page to open or to link
 * to copy this one instead of building their own. test/playground/buildPlayground.test.ts
 * is the test of the build itself.
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PLAYGROUND_DIR = resolve(import.meta.dirname, '../../test-output/playground');

/** Copies the built page (index.html and the digest of its sources) to `dir`; its index.html. */
export function copyPlayground(dir: string): string {
  cpSync(PLAYGROUND_DIR, dir, { recursive: true });
  return join(dir, 'index.html');
}
