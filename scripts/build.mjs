// `npm run build` (and `prepare`, so npm install, npm ci and npm pack): compiles src/ to
// dist/ (JavaScript and .d.ts) and copies what the compiled code reads beside itself
// (the chart fonts). dist/ is made afresh, so no file of a deleted source lingers.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
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
const fonts = join(root, 'src/node/fonts');
for (const f of readdirSync(fonts)) {
  if (f.endsWith('.ttf') || f.endsWith('.txt')) {
    cpSync(join(fonts, f), join(root, 'dist/node/fonts', f));
  }
}
