import { executionFactor, type MemoryModel } from '../../platform/memory.ts';
import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'CPU scaling';

/** Lambda's memory model since December 2020: one vCPU at 1,769 MB, 6 at most (C). */
const MEMORY = {
  proportional: { minMB: 128, maxMB: 10240, stepMB: 1, oneVcpuAtMB: 1769, maxVcpu: 6 },
};
const MODEL: MemoryModel = { kind: 'proportional', ...MEMORY.proportional };

/**
 * One function whose execution (lognormal, median 50 ms, p99 200 ms) is given at 1,024 MB, run
 * at two memory sizes on a platform whose CPU follows memory. The ratio of the mean execution
 * times is the ratio the CPU model gives: (1 - b) + b c(ref) / c(m), with c the vCPU the size
 * gets, capped at the threads the code can use. Each size runs on its own seeds, so the ratio
 * of two independent means carries its sampling noise.
 */
export const cpuScaling: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const lambda = 100;
    const calls = pick(quick, 20_000, 3_000);
    const reps = pick(quick, 20, 10);
    const cases: [
      string,
      { referenceMB: number; cpuBound: number; threads: number },
      number,
      number,
    ][] = [
      ['CPU-bound, 1 thread', { referenceMB: 1024, cpuBound: 1, threads: 1 }, 256, 1024],
      ['60% CPU-bound, 1 thread', { referenceMB: 1024, cpuBound: 0.6, threads: 1 }, 3008, 512],
      ['CPU-bound, 4 threads', { referenceMB: 1024, cpuBound: 1, threads: 4 }, 8192, 1769],
    ];
    return cases.map(([what, cpu, high, low]): VerifyRow => {
      const at = (memoryMB: number) =>
        replicate(
          {
            name: 'verify-cpu-scaling',
            duration: (calls / lambda) * 1000,
            workload: { poisson: { perSecond: lambda } },
            client: INSIDE_CLIENT,
            platform: idealPlatform('verify-cpu-scaling', {
              keepAlive: 'forever',
              memory: MEMORY,
            }),
            function: {
              execution: { lognormal: { p50: '50ms', p99: '200ms' } },
              memoryMB,
              cpu,
            },
          },
          reps,
          caseSeed(seed, `${NAME} ${what} ${memoryMB}`),
        );
      const a = at(low);
      const b = at(high);
      return judgeRow(
        {
          case: NAME,
          quantity: `mean at ${low} MB / mean at ${high} MB, ${what}`,
          unit: 'x',
          values: a.map((d, i) => d.endToEnd.mean / b[i].endToEnd.mean),
          note: `execution given at ${cpu.referenceMB} MB; vCPU = MB / 1769, at most 6 and at most the threads; the ideal platform's cold starts take no time`,
        },
        {
          kind: 'equals',
          expected: executionFactor(MODEL, cpu, low) / executionFactor(MODEL, cpu, high),
        },
      );
    });
  },
};
