/**
 * Inline models for the theory cases: no internet hop, no gateway, network and scheduler of
 * zero (the platform schema's defaults), no cold-start phases. What remains is the pool's queue
 * and the function's execution: the queue the closed forms describe.
 */

const SOURCE = ['coldtail verify: an idealised platform for a closed form'];

/** A caller inside the cloud: no internet hop. */
export const INSIDE_CLIENT = {
  kind: 'client',
  name: 'verify-inside',
  description: 'A caller inside the cloud, with no internet hop',
  source: SOURCE,
};

/** A platform with zero-time network stages; `fields` set the pool (limits, keep-alive). */
export function idealPlatform(name: string, fields: Record<string, unknown>) {
  return {
    kind: 'platform',
    name,
    description: 'Network stages of zero: only the queue and the execution take time',
    source: SOURCE,
    ...fields,
  };
}

/** c always-warm instances and a FIFO queue in front of them: an M/G/c queue. */
export function queueOf(c: number) {
  return idealPlatform(`verify-queue-${c}`, {
    provisioned: c,
    maxConcurrency: c,
    onLimit: 'queue',
    keepAlive: 'forever',
  });
}

/** Picks the full or the quick setting. */
export function pick<T>(quick: boolean, full: T, fast: T): T {
  return quick ? fast : full;
}

/**
 * A root that fans out to `n` leaves and waits for all, on an ideal platform
 * (no network, no queueing, instant starts), called by Poisson arrivals.
 */
export function fanOutExperiment(
  name: string,
  o: { n: number; lambda: number; roots: number; warmup: number; leaf: unknown },
) {
  return {
    name,
    duration: o.warmup + (o.roots / o.lambda) * 1000,
    warmup: o.warmup,
    workload: { poisson: { perSecond: o.lambda } },
    client: INSIDE_CLIENT,
    platform: idealPlatform('verify-unlimited', { keepAlive: 'forever' }),
    graph: { fanOut: { width: o.n } },
    function: { execution: o.leaf },
    // The root itself takes no time: its latency is its slowest leaf's.
    functions: { root: { execution: 0 } },
  };
}
