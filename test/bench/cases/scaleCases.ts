import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { headerOf, unitsOf } from '../../../src/experiments/runExperiment.ts';
import { loadExperiment, newInputs } from '../../../src/node/loadExperiment.ts';
import { runUnitsOnThreads } from '../../../src/node/threads.ts';
import type { BenchCase } from './index.ts';

/** The same sweep on 1 thread and on every core, in one run. */
export const threadSpeedup: BenchCase = {
  name: 'threads: a sweep on 1 thread vs all cores',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-bench-'));
    const file = join(dir, 'sweep.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'sweep',
        description: 'bench',
        replications: 2,
        duration: '300s',
        workload: { poisson: { perSecond: 300 } },
        sweep: {
          'graph.chain.depth': [1, 2, 3, 4, 5, 6],
          platform: ['aws-lambda-2019', 'google-cloud-functions'],
        },
      }),
    );
    const threads = availableParallelism();
    const inputs = newInputs();
    const prepared = loadExperiment(file, { inputs });
    const units = unitsOf(headerOf(prepared));
    const time = async (n: number) => {
      const t0 = performance.now();
      await runUnitsOnThreads(prepared, { file, inputs }, units, { threads: n });
      return (performance.now() - t0) / 1000;
    };
    const one = await time(1);
    const many = await time(threads);
    rmSync(dir, { recursive: true, force: true });
    const speedup = one / many;
    return {
      json: {
        threads: {
          threads,
          oneThreadSeconds: Number(one.toFixed(3)),
          allThreadsSeconds: Number(many.toFixed(3)),
          speedup: Number(speedup.toFixed(2)),
        },
      },
      text: `Sweep of ${units.length} runs: 1 thread ${one.toFixed(2)} s, ${threads} threads ${many.toFixed(2)} s: speed-up ${speedup.toFixed(2)}`,
    };
  },
};

/** Peak memory for 1e6, 1e7 and 1e8 calls of a depth-5 chain, each in a fresh process. */
export const memoryGrowth: BenchCase = {
  name: 'memory: 1e6, 1e7, 1e8 calls',
  run() {
    const sizes = process.argv.includes('--quick-memory') ? [1e6, 1e7] : [1e6, 1e7, 1e8];
    const script = new URL('../memoryRun.ts', import.meta.url).pathname;
    const rows = sizes.map((calls) => {
      const out = execFileSync('npx', ['tsx', script, String(calls)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      return { ...JSON.parse(out), what: 'depth-5 chain, one thread' };
    });
    return {
      json: { memory: rows },
      text: [
        'Peak resident memory (fresh process each; depth-5 chain):',
        ...rows.map(
          (r) =>
            `  ${r.calls.toLocaleString('en-US')} calls: ${r.peakRssMB} MB in ${r.seconds.toFixed(1)} s`,
        ),
      ].join('\n'),
    };
  },
};
