// `npm run build` (and `prepare`, so npm install, npm ci and npm pack): compiles src/ to
// dist/ (JavaScript and .d.ts: the library, as `exports` names it), bundles the command
// into dist/bin/ (bin.js and the worker threads' workerMain.js, with chunks they share),
// and copies what the compiled code reads beside itself (the chart fonts). dist/ is made
// afresh, so no file of a deleted source lingers.
//
// Why a bundle for the command: Node loads each ES module file on its own (resolve, open,
// read, compile), and `coldtail validate` loads some 100 of ours; one bundle with a chunk
// per command's work starts about twice as fast (measured: 0.51-0.74 s against 0.30-0.43 s
// on a loaded 2-core machine; see npm run bench's start-up case). esbuild is the bundler
// tsx and Vite already bring; packages stay external, resolved from node_modules as before.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const incremental = process.argv.includes('--incremental');
if (!incremental) rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
const { build } = await import('esbuild');
await build({
  entryPoints: {
    bin: join(root, 'dist/cli/bin.js'),
    workerMain: join(root, 'dist/node/workerMain.js'),
  },
  outdir: join(root, 'dist/bin'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// The fonts, beside the code that reads them by its own URL: the compiled library's
// dist/node/fonts/ and the bundle's dist/bin/.
const fonts = join(root, 'src/node/fonts');
for (const dir of ['dist/node/fonts', 'dist/bin']) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const f of readdirSync(fonts)) {
    if (f.endsWith('.ttf') || f.endsWith('.txt')) cpSync(join(fonts, f), join(root, dir, f));
  }
}
