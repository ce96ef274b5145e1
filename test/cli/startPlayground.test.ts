/**
 * `coldtail start` (npm start) builds the playground into <out>/playground/ and links each
 * report section's "try next" to it; `--no-playground` leaves it out and the report names the
 * settings in words instead.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { experiment, run, tempDir, writeFiles } from '../hardening/helpers.ts';

const dir = tempDir('coldtail-start-playground-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A shipped experiment's name, so that its report section is a story section with "try next".
writeFiles(dir, { 'chain-depth.json': experiment({ name: 'chain-depth' }) });

describe('start and the playground', () => {
  it('builds output/playground/index.html and links the report to it', async () => {
    const out = join(dir, 'with');
    const r = await run(['start', '--experiments', dir, '--out', out, '--threads', '1', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'playground', 'index.html'))).toBe(true);
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
