import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchCase } from './index.ts';

const BIN = resolve('dist/bin/bin.js');
const ROUNDS = 5;

/** About 10 s a replication: Ctrl-C comes in the middle of the simulation. */
const LONG = {
  name: 'long',
  description: 'bench: interrupted',
  duration: '1h',
  replications: 2,
  client: 'us-typical',
  platform: 'cloudflare-workers',
  workload: { poisson: { perSecond: 2000 } },
};

/** Loaded before the command: creates the marker once its SIGINT listener is in place. */
const WATCH = `import { writeFileSync } from 'node:fs';
const on = process.on;
process.on = function (event, ...rest) {
  const result = on.call(this, event, ...rest);
  if (event === 'SIGINT') writeFileSync(process.env.SIGINT_MARKER, '');
  return result;
};
`;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Ms from SIGINT, sent 1.5 s after the command catches it, to the process's exit. */
async function stopTime(dir: string, threads: string, k: number): Promise<number> {
  const marker = join(dir, `marker-${threads}-${k}`);
  const out = join(dir, `out-${threads}-${k}`);
  const child = spawn(
    process.execPath,
    [
      ...['--import', join(dir, 'watch.mjs'), BIN, 'run', join(dir, 'long.json')],
      ...['--out', out, '--threads', threads],
    ],
    {
      stdio: 'ignore',
      env: { ...process.env, SIGINT_MARKER: marker },
    },
  );
  const exited = new Promise<{ code: number | null; at: number }>((ok) =>
    child.on('exit', (code) => ok({ code, at: performance.now() })),
  );
  while (!existsSync(marker)) await sleep(2);
  await sleep(1500);
  const sent = performance.now();
  child.kill('SIGINT');
  const { code, at } = await exited;
  if (code !== 130) throw new Error(`interrupted run exited ${code}, not 130`);
  return at - sent;
}

/**
 * How long `coldtail run` takes to stop after Ctrl-C (SIGINT) in the middle of a simulation,
 * on one thread and on two: the project's rule is within a second. Measured here, not asserted
 * by a test (test/hardening/cli.test.ts checks that the run stops early, with exit 130 and no
 * torn files): a busy machine stretches any wall-clock bound.
 */
export const interruptStop: BenchCase = {
  name: 'Ctrl-C: from SIGINT to exit, mid-run',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-bench-interrupt-'));
    try {
      writeFileSync(join(dir, 'long.json'), JSON.stringify(LONG));
      writeFileSync(join(dir, 'watch.mjs'), WATCH);
      const load = loadavg()[0];
      const result: Record<string, { medianMs: number; maxMs: number }> = {};
      for (const threads of ['1', '2']) {
        const times: number[] = [];
        for (let k = 0; k < ROUNDS; k++) times.push(await stopTime(dir, threads, k));
        times.sort((a, b) => a - b);
        result[`threads${threads}`] = {
          medianMs: Math.round(times[ROUNDS >> 1]),
          maxMs: Math.round(times[ROUNDS - 1]),
        };
      }
      return {
        json: { interrupt: { ...result, load } },
        text: [
          `Ctrl-C in the middle of a run, ${ROUNDS} rounds each (load average ${load.toFixed(1)}; the rule: stopped within 1 s):`,
          ...Object.entries(result).map(
            ([k, r]) =>
              `  --threads ${k.slice(7)}: exit 130 after ${r.medianMs} ms (median), ${r.maxMs} ms at most`,
          ),
        ].join('\n'),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
