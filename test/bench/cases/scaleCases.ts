import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './index.ts';

type ThreadsModule = typeof import('../../../src/node/threads.ts');
type LoadModule = typeof import('../../../src/node/loadExperiment.ts');
type RunModule = typeof import('../../../src/experiments/runExperiment.ts');

/** The compiled modules (dist/, built by `npm run bench`): workers then start as installed. */
async function compiled() {
  const dist = (f: string) => pathToFileURL(resolve('dist', f)).href;
  return {
    threads: (await import(dist('node/threads.js'))) as ThreadsModule,
    load: (await import(dist('node/loadExperiment.js'))) as LoadModule,
    run: (await import(dist('experiments/runExperiment.js'))) as RunModule,
  };
}

/**
 * The shortest time `costs` could take on `n` threads handed out in `order` (each unit to
 * the first thread free): what the schedule allows, before start-up and messaging.
 */
function scheduleBound(costs: Map<number, number>, order: number[], n: number): number {
  const free = new Array(n).fill(0);
  for (const id of order) {
    const i = free.indexOf(Math.min(...free));
    free[i] += costs.get(id) ?? 0;
  }
  return Math.max(...free);
}

/**
 * The same sweep on 1 thread and on every core, in one run, with the compiled code, and
 * where the time goes: the schedule's bound (units cannot split), the workers' start-up
 * (until the last is ready: started, and the experiment prepared), and the rest (messages, two
 * cores shared with the main thread and the machine).
 */
export const threadSpeedup: BenchCase = {
  name: 'threads: a sweep on 1 thread vs all cores',
  async run() {
    const { threads: T, load, run } = await compiled();
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
    const inputs = load.newInputs();
    const prepared = load.loadExperiment(file, { inputs });
    const units = run.unitsOf(run.headerOf(prepared));
    const time = async (n: number) => {
      const done = new Map<number, number>();
      const ready: number[] = [];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await T.runUnitsOnThreads(prepared, { file, inputs }, units, {
        threads: n,
        onUnit: (u) => done.set(u.id, performance.now() - t0),
        onWorkerReady: (ms) => ready.push(ms),
      });
      const seconds = (performance.now() - t0) / 1000;
      // CPU of every thread of the process: unlike wall time, it says what threads cost
      // even when other programs share the cores.
      const cpu = process.cpuUsage(cpu0);
      return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, done, ready };
    };
    await time(1); // JIT warm-up of this thread
    const one = await time(1);
    const many = await time(threads);
    rmSync(dir, { recursive: true, force: true });
    // Each unit's own cost, from the one-thread run (units run back to back there).
    const costs = new Map<number, number>();
    let previous = 0;
    for (const [id, at] of [...one.done.entries()].sort((a, b) => a[1] - b[1])) {
      costs.set(id, at - previous);
      previous = at;
    }
    const order = [...many.done.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    const bound = scheduleBound(costs, order, threads) / 1000;
    // Until every worker is ready (started, and the experiment prepared from what was read).
    const startupMs = Math.max(0, ...many.ready);
    const speedup = one.seconds / many.seconds;
    const rest = many.seconds - bound - startupMs / 1000;
    return {
      json: {
        threads: {
          threads,
          oneThreadSeconds: Number(one.seconds.toFixed(3)),
          allThreadsSeconds: Number(many.seconds.toFixed(3)),
          speedup: Number(speedup.toFixed(2)),
          scheduleBoundSeconds: Number(bound.toFixed(3)),
          bestSpeedup: Number((one.seconds / bound).toFixed(2)),
          workerStartupSeconds: Number((startupMs / 1000).toFixed(3)),
          oneThreadCpuSeconds: Number(one.cpuSeconds.toFixed(3)),
          allThreadsCpuSeconds: Number(many.cpuSeconds.toFixed(3)),
          otherSeconds: Number(rest.toFixed(3)),
        },
      },
      text: [
        `Sweep of ${units.length} runs: 1 thread ${one.seconds.toFixed(2)} s, ${threads} threads ${many.seconds.toFixed(2)} s: speed-up ${speedup.toFixed(2)}`,
        `  where the ${threads}-thread time goes: the schedule allows ${bound.toFixed(2)} s (speed-up ${(one.seconds / bound).toFixed(2)} at best: units do not split),`,
        `  worker start-up ${(startupMs / 1000).toFixed(2)} s (until the last is ready), the rest ${rest.toFixed(2)} s (messages, the cores shared with the main thread and the machine)`,
        `  CPU time of all threads: ${one.cpuSeconds.toFixed(2)} s on 1 thread, ${many.cpuSeconds.toFixed(2)} s on ${threads} (x${(many.cpuSeconds / one.cpuSeconds).toFixed(2)}: the work threads add)`,
      ].join('\n'),
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
