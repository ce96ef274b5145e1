/**
 * The layer rule (docs/DESIGN.md, whose layer table test/docs/design.test.ts checks against
 * ALLOWED below), checked on every `npm test`: lower layers
 * never import higher ones, and nothing below the CLI and the Node layer
 * touches Node's built-ins (that code must also run in a browser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { engineMathUses } from './engineMath.ts';

const SRC = resolve('src');

/** What each layer (a folder under src/) may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  engine: [],
  spec: [],
  // Special functions (normal quantile, log-gamma, ...): pure math, shared by random and metrics.
  special: [],
  random: ['spec', 'special'],
  metrics: ['special'],
  platform: ['engine', 'random', 'spec', 'special'],
  workload: ['engine', 'random', 'spec', 'special', 'platform'],
  models: ['random', 'spec', 'special', 'platform'],
  experiments: [
    'engine',
    'random',
    'special',
    'spec',
    'platform',
    'workload',
    'metrics',
    'models',
    'version.ts',
  ],
  charts: ['experiments', 'spec', 'special', 'platform', 'metrics'],
  verify: ['engine', 'random', 'spec', 'platform', 'workload', 'metrics', 'models', 'experiments'],
  // The playground page: a thin layer beside the CLI, over everything that runs in a browser.
  playground: [
    'engine',
    'random',
    'spec',
    'platform',
    'workload',
    'metrics',
    'models',
    'experiments',
    'charts',
    'version.ts',
  ],
  node: ['*'],
  cli: ['*'],
  'index.ts': ['*'],
  'version.ts': [],
};
const NODE_ONLY = new Set(['node', 'cli']);
/**
 * Layers that compute results: they must give the same bits in every JavaScript engine,
 * so they use src/special's exp, log, pow, sin, ... rather than the engine's (see
 * engineMath.ts). Charts (drawing), verify (the theory side), the CLI, Node and the
 * playground's page code may use Math's.
 */
const SAME_BITS = new Set([
  'engine',
  'special',
  'random',
  'metrics',
  'platform',
  'workload',
  'models',
  'experiments',
]);
const NODE_BUILTINS =
  /^(node:|(fs|path|os|child_process|worker_threads|crypto|url|util|stream|events|http|https|net|tty|readline)(\/|$))/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const problems: string[] = [];
for (const file of files(SRC)) {
  const rel = relative(SRC, file);
  const layer = rel.split('/')[0];
  const allowed = ALLOWED[layer];
  if (!allowed) {
    problems.push(
      `${rel}: folder "${layer}" is not a known layer (add it to test/scripts/layers.ts)`,
    );
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g,
  )) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(file), spec));
      if (target.startsWith('..')) continue; // package.json, models/*.json
      const targetLayer = target.split('/')[0];
      if (targetLayer !== layer && !allowed.includes('*') && !allowed.includes(targetLayer)) {
        problems.push(`${rel}: imports ${target} (layer "${targetLayer}" is not below "${layer}")`);
      }
    } else if (NODE_BUILTINS.test(spec) && !NODE_ONLY.has(layer)) {
      problems.push(`${rel}: imports Node's "${spec}" (only src/node and src/cli may)`);
    }
  }
  if (SAME_BITS.has(layer)) {
    for (const use of engineMathUses(text, file)) {
      problems.push(
        `${rel}: ${use}: the engine's rounding differs between browsers and Node; use src/special's`,
      );
    }
  }
  if (!NODE_ONLY.has(layer) && /\bprocess\.(env|argv|exit|stdout|stderr|cwd)/.test(text)) {
    problems.push(`${rel}: uses process (only src/node and src/cli may)`);
  }
}
if (problems.length > 0) {
  process.stderr.write(`layer rule broken:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('layers: ok\n');
