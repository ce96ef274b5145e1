/**
 * What `coldtail validate` loads (issue 16: start-up under 0.3 s): reading and checking an
 * experiment needs the schemas, the models and the workload, not the charts, the simulator
 * or vega. Walks the static imports (type-only ones left out) from the command line's entry
 * and what validate and main import when they run (dynamic imports of other commands load
 * only when those run); a new import that drags one of them in fails here with the chain
 * that does it, instead of only slowing the bench.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/cli/main.ts', 'src/cli/commands/validate.ts'];
const IMPORT =
  /(?:^|\n)\s*(import|export)(\s+type)?\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** Every module reached, with the module that first imported it. */
function reached(): Map<string, string | null> {
  const seen = new Map<string, string | null>(ROOTS.map((r) => [r, null]));
  const queue = [...ROOTS];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (m[2]) continue; // import type: erased
      // Loaded when they run: followed only where validate and main run them.
      if (m[4] && !ROOTS.includes(file)) continue;
      const spec = m[3] ?? m[4];
      const target = spec.startsWith('.')
        ? relative(process.cwd(), resolve(dirname(file), spec))
        : `package:${spec}`;
      if (seen.has(target)) continue;
      seen.set(target, file);
      if (!target.startsWith('package:') && target.endsWith('.ts')) queue.push(target);
    }
  }
  return seen;
}

function chain(seen: Map<string, string | null>, file: string): string {
  const out = [file];
  for (let f = seen.get(file); f; f = seen.get(f)) out.unshift(f);
  return out.join(' -> ');
}

describe('coldtail validate', () => {
  it('loads neither the charts, nor the simulator, nor vega', () => {
    const seen = reached();
    expect(seen.has('src/node/loadExperiment.ts')).toBe(true);
    const heavy = [...seen.keys()].filter(
      (f) =>
        f.startsWith('src/charts/') ||
        f.startsWith('src/engine/') ||
        f === 'src/platform/world.ts' ||
        f === 'src/experiments/replication.ts' ||
        f.startsWith('package:vega'),
    );
    expect(heavy.map((f) => chain(seen, f))).toEqual([]);
  });
});
