/**
 * Every axis a shipped experiment sweeps has words of its own. Without them a
 * point is labelled by the file's field name and the raw value: the report
 * said "hedging, after 10000" for a hedge after 10 s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atWords, axisWords, hasWords, rangeWords, valueWords } from '../../src/charts/words.ts';

const DIR = join(import.meta.dirname, '../../experiments');

function sweeps(): Array<[string, string, unknown[]]> {
  const out: Array<[string, string, unknown[]]> = [];
  for (const dir of [DIR, join(DIR, 'region')])
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        sweep?: Record<string, unknown>;
      };
      for (const [path, values] of Object.entries(raw.sweep ?? {}))
        if (Array.isArray(values)) out.push([f, path, values]);
    }
  return out;
}

describe('sweep axes in words', () => {
  it.each(sweeps())('%s: %s', (_file, path, values) => {
    const name = path.split('.').at(-1) ?? path;
    const axis = { path, name };
    expect(hasWords(path), `no words for ${path}`).toBe(true);
    for (const v of values) {
      const label = valueWords(axis, v as string | number);
      expect(label.length).toBeGreaterThan(0);
      expect(label).not.toContain('undefined');
    }
    expect(axisWords(axis)).not.toMatch(/[a-z][A-Z]/);
  });

  it('a memory size reads as one in a sentence, not as a header', () => {
    const memory = { path: 'function.memoryMB', name: 'memory (MB)' };
    expect(rangeWords(memory, '128', '3008')).toBe('from 128 MB of memory to 3008 MB');
    expect(atWords(memory, '3008')).toBe('at 3008 MB of memory');
  });

  it('a hedge delay is a duration, attempts and jitter are words', () => {
    const hedge = { path: 'caller.hedge.after', name: 'after' };
    expect(valueWords(hedge, 10000)).toBe('hedge after 10 s');
    expect(valueWords({ path: 'caller.retry.attempts', name: 'attempts' }, 1)).toBe('no retries');
    expect(valueWords({ path: 'caller.retry.backoff.jitter', name: 'jitter' }, 'none')).toBe(
      'no jitter',
    );
  });
});
