import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

export interface Mm1PsParams {
  /** Arrivals per second. */
  lambda: number;
  /** Services per second when a call runs alone (exponential, mean 1000 / mu ms). */
  mu: number;
  /** The CPU-bound share (1: processor sharing of the whole execution). */
  cpuBoundShare?: number;
}

/** rho = 0.5 on a 10 ms function: mean time in system 20 ms. */
export const MM1PS_DEFAULTS: Mm1PsParams = { lambda: 50, mu: 100 };

/**
 * M/M/1-PS: one always-warm instance that takes every call at once (concurrency 1,000) and
 * shares its one CPU between them (processorSharing, all of the execution CPU-bound). The
 * mean time in system is 1 / (mu - lambda), as for FIFO, but no call waits in a queue: all
 * of it is execution, stretched by the calls running beside it.
 */
export function mm1PsCase(params: Mm1PsParams = MM1PS_DEFAULTS): VerifyCase {
  const name = 'M/M/1-PS';
  return {
    name,
    run({ quick, seed }) {
      const { lambda, mu } = params;
      const customers = pick(quick, 100_000, 10_000);
      const reps = pick(quick, 20, 10);
      const warmup = 10_000;
      const conc = 1000;
      const data = replicate(
        {
          name: 'verify-mm1-ps',
          duration: warmup + (customers / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-processor-sharing', {
            provisioned: 1,
            concurrencyPerInstance: conc,
            maxConcurrency: conc,
            onLimit: 'queue',
            keepAlive: 'forever',
            processorSharing: { cpuBoundShare: params.cpuBoundShare ?? 1, cores: 1 },
          }),
          function: { execution: { exponential: { mean: 1000 / mu } } },
        },
        reps,
        caseSeed(seed, name),
      );
      const l = lambda / 1000;
      const m = mu / 1000;
      return [
        judgeRow(
          {
            case: name,
            quantity: 'mean time in system',
            unit: 'ms',
            values: data.map((d) => d.endToEnd.mean),
            note: `lambda ${lambda}/s, mu ${mu}/s, one vCPU shared by every call on the instance`,
          },
          { kind: 'equals', expected: 1 / (m - l) },
        ),
      ];
    },
  };
}

export const mm1Ps = mm1PsCase();
