// `npm test`: the type check, the lint (biome and the layer rule) and vitest, started at
// once rather than one after the other, and failing if any of the three fails.
//
// Why at once: on a 2-core machine the type check and the lint took 35-80 s before vitest
// could start (tsc alone some 27 s of CPU from a clean clone, as CI has), while vitest
// leaves cores idle at times (its global setup, tests waiting on a browser or a child
// process, the last files of the run). The two checks run at a lower priority (nice 10),
// so they take the CPU vitest leaves and never slow a test down. Their output is held
// and printed after vitest's, so that vitest's report reads as it always did; each says
// whether it passed. Arguments after `npm test --` go to vitest, as before.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

/** Runs `npm run <script>` with its output held; resolves to its exit code and output. */
function check(script) {
  const child = spawn(npm, ['run', '--silent', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  try {
    setPriority(child.pid, 10);
  } catch {
    // Not allowed here (or the process has already gone): it runs at the normal priority.
  }
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  return {
    child,
    done: new Promise((resolve) =>
      child.on('close', (code, signal) =>
        resolve({ script, code: code ?? 1, signal, output, seconds: seconds() }),
      ),
    ),
  };
}

const seconds = () => Math.round((Date.now() - started) / 1000);

const checks = [check('typecheck'), check('lint')];
const vitest = spawn(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
const children = [vitest, ...checks.map((c) => c.child)];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
}

const vitestCode = await new Promise((resolve) => vitest.on('close', (code) => resolve(code ?? 1)));
const results = await Promise.all(checks.map((c) => c.done));
let failed = vitestCode !== 0;
for (const r of results) {
  const ok = r.code === 0;
  failed ||= !ok;
  if (!ok || r.output.trim() !== '') process.stdout.write(`\n> npm run ${r.script}\n${r.output}`);
  process.stdout.write(
    `${r.script}: ${ok ? 'passed' : `FAILED (exit ${r.code})`}, done at ${r.seconds} s\n`,
  );
}
process.stdout.write(`vitest: ${vitestCode === 0 ? 'passed' : `FAILED (exit ${vitestCode})`}\n`);
process.exit(failed ? vitestCode || 1 : 0);
