/**
 * `coldtail start` (npm start) builds the playground into <out>/playground/ (when the page
 * there is not from the same sources) and links each report section's "try next" to it;
 * `--no-playground` leaves it out and the report names the settings in words instead.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { experiment, run, tempDir, writeFiles } from '../hardening/helpers.ts';
import { copyPlayground } from '../support/playground.ts';

const dir = tempDir('coldtail-start-playground-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A shipped experiment's name, so that its report section is a story section with "try next".
writeFiles(dir, { 'chain-depth.json': experiment({ name: 'chain-depth' }) });

describe('start and the playground', () => {
  it('puts the page in output/playground/ and links the report to it', async () => {
    const out = join(dir, 'with');
    // The page as globalSetup built it, from the same sources: start keeps it (a Vite build is
    // seconds of CPU; the build itself is buildPlayground.test.ts's) and says so, which it can
    // only say after checking the page in <out>/playground/ against the sources.
    const page = copyPlayground(join(out, 'playground'));
    const r = await run(['start', '--experiments', dir, '--out', out, '--threads', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`playground: ${page} (unchanged)\n`);
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<a href="playground\/index\.html\?[^"]+">/);
  });

  it('--no-playground writes no page and links nowhere', async () => {
    const out = join(dir, 'without');
    const r = await run([
      'start',
      '--no-playground',
      '--experiments',
      dir,
      '--out',
      out,
      '--threads',
      '1',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'playground'))).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('playground/index.html?');
  });
});
