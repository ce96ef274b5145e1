import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform, pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

export interface InstanceQueuesParams {
  /** Instances, always warm, one call at a time each. */
  n: number;
  /** Arrivals per second, to all of them. */
  lambda: number;
  /** Services per second (exponential execution, mean 1000 / mu ms). */
  mu: number;
  /** How a call is routed on arrival (a negative control routes to the least loaded). */
  pick?: 'random' | 'leastLoaded';
}

/** Four instances at rho = 0.7 each on a 10 ms function: mean time in system 33.3 ms. */
export const INSTANCE_QUEUES_DEFAULTS: InstanceQueuesParams = { n: 4, lambda: 280, mu: 100 };

/**
 * N independent M/M/1 queues: n always-warm instances, each with its own queue (per-instance
 * queueing), and every call routed to one of them uniformly at random on arrival, where it
 * waits even if another instance is idle. Random splitting of a Poisson stream gives each
 * instance Poisson arrivals at lambda / n, so the mean time in system is 1 / (mu - lambda / n),
 * three times the execution at rho = 0.7, where one queue in front of the same instances
 * (M/M/4) waits little. The autoscaler is held at n (Knative's KPA with minScale = maxScale).
 */
export function instanceQueuesCase(
  params: InstanceQueuesParams = INSTANCE_QUEUES_DEFAULTS,
): VerifyCase {
  const name = 'N x M/M/1, random routing';
  return {
    name,
    run({ quick, seed }) {
      const { n, lambda, mu } = params;
      const customers = pick(quick, 100_000, 10_000);
      const reps = pick(quick, 20, 10);
      // Each queue starts empty; 10 s is some 60 relaxation times of one at rho = 0.7.
      const warmup = 10_000;
      const data = replicate(
        {
          name: 'verify-instance-queues',
          duration: warmup + (customers / lambda) * 1000,
          warmup,
          workload: { poisson: { perSecond: lambda } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-instance-queues', {
            provisioned: n,
            keepAlive: 'forever',
            queueing: { policy: 'perInstance', pick: params.pick ?? 'random' },
            scaling: { policy: 'kpa', minScale: n, maxScale: n },
          }),
          function: { execution: { exponential: { mean: 1000 / mu } } },
        },
        reps,
        caseSeed(seed, name),
      );
      const l = lambda / n / 1000;
      const m = mu / 1000;
      return [
        judgeRow(
          {
            case: name,
            quantity: 'mean time in system',
            unit: 'ms',
            values: data.map((d) => d.endToEnd.mean),
            note: `${n} instances, lambda ${lambda}/s split at random, mu ${mu}/s; a queue per instance`,
          },
          { kind: 'equals', expected: 1 / (m - l) },
        ),
      ];
    },
  };
}

export const instanceQueues = instanceQueuesCase();
