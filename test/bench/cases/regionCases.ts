import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regionSpec } from '../regionSpec.ts';
import type { BenchCase } from './index.ts';

interface RunResult {
  calls: number;
  seconds: number;
  cpuSeconds: number;
  callsPerCpuSecond: number;
  prepareSeconds: number;
  callsPerSecond: number;
  peakRssMB: number;
  instancesMean: number;
}

/** One run of test/bench/regionRun.ts in a fresh process (its own peak memory). */
function runChild(args: string[]): RunResult {
  const script = new URL('../regionRun.ts', import.meta.url).pathname;
  const out = execFileSync('npx', ['tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as RunResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * A synthetic Azure-like region of 10,000 functions (issue 21) over a whole simulated day, run as
 * a user runs it: the built command (`node dist/bin/bin.js run ... --threads 2 --no-charts`) in a
 * fresh process, on 2 threads (the machine's 2 cores; a region splits by function over them).
 * It takes minutes, so it is run once. Wall time is what issue 21 asks (under 3 minutes), and
 * it counts the others' work on a shared machine, so the CPU time of the process (all its
 * threads) is shown beside it; peak memory is the process's, all threads included.
 *
 * An earlier version ran 30 and 60 minutes on one thread and extrapolated the hour to the day:
 * that read some 15 CPU-minutes where the day itself used about 10, because the first hour
 * carries the start (every function's first cold starts, the pools and streams made, the code
 * not yet optimised), which a day pays once.
 */
export const regionDay: BenchCase = {
  name: 'region: a day of 10,000 functions on 2 threads, as the command runs it',
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-bench-day-'));
    try {
      const file = join(dir, 'region-day.json');
      writeFileSync(file, JSON.stringify(regionSpec(10_000, '24h')));
      const bin = new URL('../../../dist/bin/bin.js', import.meta.url).pathname;
      const peak = new URL('../peakMemory.mjs', import.meta.url).href;
      const args = ['--import', peak, bin, 'run', file, '--threads', '2', '--no-charts', '-q'];
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [...args, '--out', join(dir, 'out')], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const seconds = (performance.now() - t0) / 1000;
      const last = r.stderr.trim().split('\n').at(-1) ?? '';
      if (r.status !== 0 || !last.startsWith('coldtail-bench ')) {
        throw new Error(`the day's run failed (exit ${r.status}):\n${r.stderr}`);
      }
      const usage = JSON.parse(last.slice('coldtail-bench '.length)) as {
        peakRssMB: number;
        cpuSeconds: number;
      };
      const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
      const calls: number = results.points[0].calls.arrivals;
      const day = { functions: 10_000, calls, seconds, ...usage };
      return {
        json: { regionDay: day },
        text: [
          'A day of a region: 10,000 functions drawn like Azure 2019 (each capped at 2.5 calls/s), 24 simulated hours, `run --threads 2`:',
          `  ${(calls / 1e6).toFixed(1)} million calls in ${(seconds / 60).toFixed(2)} min wall (issue 21: under 3 min), ${(usage.cpuSeconds / 60).toFixed(2)} min of CPU (${(usage.cpuSeconds / seconds).toFixed(2)} cores busy on average, ${((usage.cpuSeconds * 1e6) / calls).toFixed(2)} us a call), peak ${usage.peakRssMB} MB (issue 21: under 1 GB)`,
        ].join('\n'),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The cost per call with 100,000 idle instances spread over 10,000 functions (10 provisioned
 * each) against one function with 10, at the same total rate: each is run at 60 and 240 simulated
 * seconds and the cost per call is the difference (what one more call costs, without the start),
 * in CPU time of the child process (the machine is shared: wall time counts the others' work).
 * Still, at a load of 10 on 2 cores one marginal cost moves by half from run to run, as the
 * others' work evicts ours from the caches; so the rounds are many (ROUNDS), the two cases
 * alternate within a round and swap order from round to round, and the speed is the median of
 * the rounds' own ratios (each taken from two cases measured minutes apart at most), with the
 * range shown.
 */
const ROUNDS = 5;

export const idleInstances: BenchCase = {
  name: 'region: per-call cost with 100,000 idle instances over 10,000 functions vs one function',
  run() {
    const marginal = (functions: number) => {
      const a = runChild(['idle', String(functions), '10', '2000', '60s']);
      const b = runChild(['idle', String(functions), '10', '2000', '240s']);
      return ((b.cpuSeconds - a.cpuSeconds) / (b.calls - a.calls)) * 1e6;
    };
    const one: number[] = [];
    const many: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        one.push(marginal(1));
        many.push(marginal(10_000));
      } else {
        many.push(marginal(10_000));
        one.push(marginal(1));
      }
      ratios.push(one[r] / many[r]);
    }
    const oneUs = median(one);
    const manyUs = median(many);
    const ratio = median(ratios);
    const us = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
    return {
      json: {
        idleInstances: {
          oneFunctionMicrosPerCall: one.map((x) => Number(x.toFixed(2))),
          tenThousandFunctionsMicrosPerCall: many.map((x) => Number(x.toFixed(2))),
          roundRatios: ratios.map((x) => Number(x.toFixed(2))),
          speedRatio: Number(ratio.toFixed(2)),
        },
      },
      text: [
        `Per-call CPU cost, 2,000 calls/s in all, 10 ms calls (marginal: 240 s run minus 60 s run, compiled code), ${ROUNDS} rounds, medians:`,
        `  one function, 10 provisioned instances: ${oneUs.toFixed(2)} us a call (rounds: ${us(one)})`,
        `  10,000 functions, 10 each (100,000 idle instances): ${manyUs.toFixed(2)} us a call (rounds: ${us(many)})`,
        `  speed with 100,000 idle instances over 10,000 functions: ${ratio.toFixed(2)} of one function's, median of the rounds' ratios (${us(ratios)}; issue 21 asks at least 0.7)`,
      ].join('\n'),
    };
  },
};
