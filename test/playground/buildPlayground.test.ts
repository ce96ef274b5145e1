import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../src/node/buildPlayground.ts';
import { copyPlayground } from '../support/playground.ts';

const dir = mkdtempSync(join(tmpdir(), 'coldtail-playground-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the static build of the playground', () => {
  it('is one self-contained index.html, rebuilt only when its sources change', async () => {
    const out = join(dir, 'playground');
    // The page globalSetup built with this same function from these sources (a Vite build is
    // seconds of CPU: this file makes one, not two): kept as it is, file and time.
    const file = copyPlayground(out);
    const modified = statSync(file).mtimeMs;
    expect(await buildPlayground(out)).toEqual({ file, built: false });
    expect(statSync(file).mtimeMs).toBe(modified);
    // Forced, it is built again, in place of the one there.
    expect(await buildPlayground(out, { force: true })).toEqual({ file, built: true });
    expect(readdirSync(out).sort()).toEqual(['build.sha256', 'index.html']);
    const html = readFileSync(file, 'utf8');
    // Nothing to fetch: no script or stylesheet file, no font or worker file.
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
    expect(html).toMatch(/@font-face\{font-family:DejaVu Sans;src:url\(data:font\/ttf;base64,/);
    // Nothing left beside it from the build (its staging folder, the page it replaced).
    expect(readdirSync(dir)).toEqual(['playground']);
    // And the new build is the page again: unchanged sources, no rebuild.
    expect(await buildPlayground(out)).toEqual({ file, built: false });
  });
});
