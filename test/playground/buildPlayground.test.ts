import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../src/node/buildPlayground.ts';

const dir = mkdtempSync(join(tmpdir(), 'coldtail-playground-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the static build of the playground', () => {
  it('is one self-contained index.html, rebuilt only when its sources change', async () => {
    const out = join(dir, 'playground');
    const first = await buildPlayground(out);
    expect(first).toEqual({ file: join(out, 'index.html'), built: true });
    expect(readdirSync(out).sort()).toEqual(['build.sha256', 'index.html']);
    const html = readFileSync(first.file, 'utf8');
    // Nothing to fetch: no script or stylesheet file, no font or worker file.
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
    expect(html).toMatch(/@font-face\{font-family:DejaVu Sans;src:url\(data:font\/ttf;base64,/);
    // Nothing left beside it from the build.
    expect(readdirSync(dir)).toEqual(['playground']);

    const modified = statSync(first.file).mtimeMs;
    expect(await buildPlayground(out)).toEqual({ file: first.file, built: false });
    expect(statSync(first.file).mtimeMs).toBe(modified);
    expect((await buildPlayground(out, { force: true })).built).toBe(true);
  });
});
