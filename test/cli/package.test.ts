/**
 * The package as npm ships it: `npm pack` (files, bin, exports), unpacked into an empty
 * folder's node_modules as `npm install <tarball>` would, with the repository's installed
 * runtime dependencies linked beside it (a real install fetches vega and resvg from the
 * registry, a minute or more here; the dependency tree is the same). Development
 * dependencies are left out, so that anything that needs tsx or TypeScript at run time
 * fails. Then `npx coldtail run` on an experiment (on two worker threads, which start from
 * the compiled worker), and a one-line library script with plain `node`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallExperiment, tempDir } from '../support/cli.ts';

const dir = tempDir('coldtail-package-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const project = join(dir, 'project');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

beforeAll(() => {
  // dist/ is built by the tests' global setup; packing again would only rebuild it.
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    {
      encoding: 'utf8',
    },
  );
  const tarball = join(dir, JSON.parse(out)[0].filename);
  const modules = join(project, 'node_modules');
  mkdirSync(modules, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, 'coldtail'));
  const dev = new Set(Object.keys(pkg.devDependencies));
  for (const name of readdirSync('node_modules')) {
    if (name.startsWith('.') || dev.has(name)) continue;
    if (name.startsWith('@')) {
      mkdirSync(join(modules, name));
      for (const sub of readdirSync(join('node_modules', name))) {
        if (!dev.has(`${name}/${sub}`)) {
          symlinkSync(resolve('node_modules', name, sub), join(modules, name, sub));
        }
      }
    } else {
      symlinkSync(resolve('node_modules', name), join(modules, name));
    }
  }
  // What npm install does with "bin": a link in node_modules/.bin, made executable.
  mkdirSync(join(modules, '.bin'));
  const bin = join(modules, 'coldtail', pkg.bin.coldtail);
  chmodSync(bin, 0o755);
  symlinkSync(bin, join(modules, '.bin', 'coldtail'));
  writeFileSync(join(project, 'package.json'), '{"name":"project","private":true,"type":"module"}');
  writeFileSync(join(project, 'small.json'), smallExperiment());
}, 300_000);

describe('the packed package', () => {
  it('ships compiled JavaScript with declarations, models and experiments, and no sources or tsx', () => {
    const root = join(project, 'node_modules', 'coldtail');
    for (const f of [
      'dist/bin/bin.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/node/workerMain.js',
    ]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    expect(existsSync(join(root, 'models', 'platforms', 'aws-lambda-2019.json'))).toBe(true);
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(existsSync(join(root, 'dist', '.tsbuildinfo'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
    expect(
      readFileSync(join(root, 'dist/bin/bin.js'), 'utf8').startsWith('#!/usr/bin/env node\n'),
    ).toBe(true);
  });

  it('npx coldtail run: results and charts, on two worker threads', () => {
    const r = spawnSync(
      'npx',
      ['--no-install', 'coldtail', 'run', 'small.json', '--out', 'out', '--threads', '2'],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('platform=cloudflare-workers');
    const results = JSON.parse(readFileSync(join(project, 'out', 'results.json'), 'utf8'));
    expect(results.points).toHaveLength(2);
    expect(results.coldtail.version).toBe(pkg.version);
    expect(existsSync(join(project, 'out', 'latencyCdf.png'))).toBe(true);
  });

  it('a one-line library script with plain node', () => {
    const script = `import { prepareExperiment, presetRegistry, runExperiment } from 'coldtail'; const e = JSON.parse((await import('node:fs')).readFileSync('small.json', 'utf8')); console.log(runExperiment(prepareExperiment(e, { models: presetRegistry() })).results.points.map((p) => p.endToEnd.count).join(' '));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const counts = r.stdout.trim().split(' ').map(Number);
    expect(counts).toHaveLength(2);
    expect(counts.every((n) => n > 1000)).toBe(true);
  });
});
