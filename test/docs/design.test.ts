/**
 * docs/DESIGN.md's layer table says what the layer rule enforces: the same layers, each
 * allowed the same imports as ALLOWED in test/scripts/layers.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** ALLOWED of the layer rule, read from its source (the script runs on import). */
function allowedByRule(): Map<string, string[]> {
  const source = readFileSync('test/scripts/layers.ts', 'utf8');
  const body = /const ALLOWED[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!body) throw new Error('test/scripts/layers.ts: no ALLOWED table found');
  const out = new Map<string, string[]>();
  for (const m of body[1].matchAll(/^\s*'?([\w.]+)'?:\s*\[([^\]]*)\]/gm)) {
    out.set(
      m[1],
      [...m[2].matchAll(/'([^']+)'/g)].map((x) => x[1]),
    );
  }
  return out;
}

/** The table between <!-- layers:begin --> and <!-- layers:end --> in docs/DESIGN.md. */
function allowedByDesign(): Map<string, string[]> {
  const text = readFileSync('docs/DESIGN.md', 'utf8');
  const table = /<!-- layers:begin -->([\s\S]*?)<!-- layers:end -->/.exec(text);
  if (!table) throw new Error('docs/DESIGN.md: no layers table');
  const out = new Map<string, string[]>();
  for (const m of table[1].matchAll(/^\| `([\w.]+)` \| (.+?) \|/gm)) {
    const names = [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    out.set(m[1], m[2].trim() === 'anything' ? ['*'] : names);
  }
  return out;
}

describe('docs/DESIGN.md', () => {
  it('lists every layer with the imports the layer rule allows it', () => {
    const rule = allowedByRule();
    const design = allowedByDesign();
    expect(rule.size).toBeGreaterThan(10);
    // index.ts and version.ts are files, not layers: the text says what they may import.
    const layers = [...rule.keys()].filter((k) => !k.endsWith('.ts'));
    expect([...design.keys()].sort()).toEqual(layers.sort());
    for (const layer of layers) {
      expect([...(design.get(layer) ?? [])].sort(), layer).toEqual([...rule.get(layer)!].sort());
    }
  });
});
