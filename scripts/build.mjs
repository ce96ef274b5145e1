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
// tsx and Vite already bring.
//
// Packages: the small pure-JavaScript ones that every command loads are bundled too (yargs'
// parts, see src/cli/yargsParts.ts; seedrandom; simple-statistics), which saves resolving
// and reading some 35 files of node_modules at each start (yargs then took 9 ms of CPU to
// load at validate's start, not 31; issue 16). The rest stay external, resolved from node_modules when a command imports
// them: vega and vega-lite (large, and only for charts), resvg (native), and anything a
// later dependency brings until it is listed here. yargs stays a dependency all the same:
// its locales and its help layout (cliui, string-width) are read from its folder.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = new Set(['yargs', 'seedrandom', 'simple-statistics']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
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
  external,
  plugins: [bundledYargsParts()],
  // CommonJS packages bundled into ES modules call require() (seedrandom for node:crypto,
  // y18n for node:fs): the bundle gives them Node's own, made on the first call rather
  // than as each chunk loads (a createRequire per chunk was 2-3 ms of validate's start-up).
  banner: {
    js: [
      "import { createRequire as __coldtailCreateRequire } from 'node:module';",
      'let __coldtailRequire;',
      'const require = (id) => (__coldtailRequire ??= __coldtailCreateRequire(import.meta.url))(id);',
    ].join('\n'),
  },
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

/**
 * In the bundle, src/cli/yargsParts.ts imports yargs' parts statically (the same files its
 * run-time body loads: yargs' factory and the modules require() finds from yargs' folder),
 * so that esbuild bundles them. test/cli/bundle.test.ts checks that the built command's
 * help and refusals are the sources' own.
 */
function bundledYargsParts() {
  const fromYargs = createRequire(createRequire(import.meta.url).resolve('yargs'));
  const yargsRoot = dirname(fromYargs.resolve('yargs'));
  const at = (file) => JSON.stringify(file);
  const contents = [
    `import { YargsFactory } from ${at(join(yargsRoot, 'build/lib/yargs-factory.js'))};`,
    `import { getProcessArgvBin } from ${at(join(yargsRoot, 'build/lib/utils/process-argv.js'))};`,
    `import * as Parser from ${at(fromYargs.resolve('yargs-parser'))};`,
    `import * as findUp from ${at(fromYargs.resolve('escalade/sync'))};`,
    `import * as getCallerFile from ${at(fromYargs.resolve('get-caller-file'))};`,
    `import * as y18n from ${at(fromYargs.resolve('y18n'))};`,
    // As the run-time body's esm(): an ES module's default export, or CommonJS exports.
    'const esm = (m) => m.default ?? m;',
    'export async function yargsParts() {',
    '  return { YargsFactory, getProcessArgvBin, Parser: esm(Parser), findUp: esm(findUp),',
    '    getCallerFile: esm(getCallerFile), y18n: esm(y18n) };',
    '}',
  ].join('\n');
  const file = join(root, 'dist/cli/yargsParts.js');
  return {
    name: 'bundled-yargs-parts',
    setup(b) {
      b.onLoad({ filter: /[\\/]cli[\\/]yargsParts\.js$/ }, (args) =>
        args.path === file ? { contents, loader: 'js', resolveDir: yargsRoot } : undefined,
      );
    },
  };
}
