/**
 * `coldtail verify` is a library: deterministic at a fixed seed, and free of Node built-ins
 * (it must run in a browser), through everything it imports.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERIFY_CASES } from '../../src/verify/index.ts';

const cheap = VERIFY_CASES.find((c) => c.name === 'keep-alive')!;

describe('determinism', () => {
  it('the same seed gives the same rows; another seed gives other numbers', () => {
    const a = cheap.run({ quick: true, seed: 7 });
    const b = cheap.run({ quick: true, seed: 7 });
    const c = cheap.run({ quick: true, seed: 'other' });
    expect(b).toEqual(a);
    expect(c[0].simulated).not.toBe(a[0].simulated);
  });
});

/** Relative import specifiers of a module (static imports and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

describe('runs in a browser', () => {
  it('imports nothing from Node, the CLI or src/node, directly or through other modules', () => {
    const root = resolve(import.meta.dirname, '../../src/verify/index.ts');
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = join(dirname(file), spec);
          if (/\/src\/(node|cli)\//.test(target)) bad.push(`${file} -> ${spec}`);
          if (target.endsWith('.ts')) visit(target);
        } else if (
          spec.startsWith('node:') ||
          /^(fs|path|os|worker_threads|child_process)$/.test(spec)
        ) {
          bad.push(`${file} -> ${spec}`);
        }
      }
    };
    visit(root);
    expect(seen.size).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
