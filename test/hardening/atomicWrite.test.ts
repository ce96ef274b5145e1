/**
 * writeFileAtomic: readers see the old file or the new one, never a torn one; a failed write
 * leaves the old file as it was and no temporary file behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/files.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tmpFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('replaces a file whole, through a temporary file in the same folder', () => {
    const path = join(dir, 'a', 'b', 'results.json');
    writeFileAtomic(path, 'first');
    expect(readFileSync(path, 'utf8')).toBe('first');
    writeFileAtomic(path, new TextEncoder().encode('second, longer than the first'));
    expect(readFileSync(path, 'utf8')).toBe('second, longer than the first');
    writeFileAtomic(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(tmpFiles(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('a failed rename leaves the target untouched and removes the temporary file', () => {
    const sub = join(dir, 'rename');
    const target = join(sub, 'results.json');
    // A folder (not empty) where the file should go: the write succeeds, the rename cannot.
    mkdirSync(join(target, 'inside'), { recursive: true });
    writeFileSync(join(target, 'inside', 'keep.txt'), 'kept');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readFileSync(join(target, 'inside', 'keep.txt'), 'utf8')).toBe('kept');
    expect(tmpFiles(sub)).toEqual([]);
  });

  it('a failed write leaves the old file intact and removes the temporary file', () => {
    const sub = join(dir, 'write');
    const target = join(sub, 'results.json');
    mkdirSync(sub, { recursive: true });
    writeFileSync(target, 'old and complete');
    // Data that cannot be written: the temporary file fails, the target is never touched.
    expect(() => writeFileAtomic(target, 42 as unknown as string)).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old and complete');
    expect(tmpFiles(sub)).toEqual([]);
  });

  it('a reader polling while another process rewrites the file never sees it torn', async () => {
    const sub = join(dir, 'race');
    mkdirSync(sub, { recursive: true });
    const target = join(sub, 'results.json');
    const size = 1 << 20;
    writeFileSync(target, 'a'.repeat(size));
    // The writer: 150 rewrites of 1 MB, alternating a whole file of "a"s and of "b"s.
    const writer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${resolve('src/node/files.ts')}').then(({ writeFileAtomic }) => {
           for (let i = 0; i < 150; i++) writeFileAtomic(${JSON.stringify(target)}, (i % 2 ? 'a' : 'b').repeat(${size}));
         });`,
      ],
      { stdio: 'inherit' },
    );
    const exited = new Promise<number | null>((ok) => writer.on('close', ok));
    let reads = 0;
    let running = true;
    void exited.then(() => {
      running = false;
    });
    const seen = new Set<string>();
    while (running) {
      const text = readFileSync(target, 'latin1');
      reads++;
      expect(text.length).toBe(size);
      const first = text[0];
      expect(text.indexOf(first === 'a' ? 'b' : 'a')).toBe(-1);
      seen.add(first);
      await new Promise((ok) => setImmediate(ok));
    }
    expect(await exited).toBe(0);
    expect(reads).toBeGreaterThan(10);
    expect(seen.size).toBe(2);
    expect(tmpFiles(sub)).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});
