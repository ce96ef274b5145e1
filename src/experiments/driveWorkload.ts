import type { Simulation } from '../engine/index.ts';
import type { Call } from '../platform/call.ts';
import type { World } from '../platform/world.ts';
import { createStream } from '../random/streams.ts';
import type { ArrivalProcess } from '../workload/arrivals/arrivalProcess.ts';
import { PeriodicArrivals } from '../workload/arrivals/periodicArrivals.ts';
import { driveArrivals } from '../workload/driveArrivals.ts';
import { createArrivals } from '../workload/workloadSpec.ts';
import { TAG_ROOT, TAG_WARMER } from './recorder.ts';
import type { ResolvedPoint } from './resolve.ts';

/**
 * Sends a point's root calls to its entry function, one stream of arrivals
 * per workload source, and its warmers' pings, until the end of the run.
 * `sent` sees each call as it leaves (a root, tagged TAG_ROOT, or a ping,
 * TAG_WARMER); it may throw to stop the run.
 *
 * Streams are named by purpose ("arrivals:0", "warmers"), so the same seed
 * gives every sweep point the same arrivals (common random numbers).
 */
export function driveWorkload(
  sim: Simulation,
  point: ResolvedPoint,
  seed: string,
  world: World,
  sent: (call: Call) => void,
): void {
  const entry = world.functions.get(point.graph.entry)!;
  const external = point.client.internet !== null;
  const drive = (process: ArrivalProcess, send: () => Call, copies: number) => {
    driveArrivals(sim, process, point.duration, () => {
      for (let i = 0; i < copies; i++) sent(send());
    });
  };
  point.sources.forEach((source, i) => {
    const process = createArrivals(source.spec, createStream(seed, `arrivals:${i}`), source.trace);
    drive(process, () => world.invoker.invoke(entry, null, external, TAG_ROOT), 1);
  });
  if (point.warmers) {
    const w = point.warmers;
    const process = new PeriodicArrivals(
      w.period,
      { jitterMs: w.jitter },
      createStream(seed, 'warmers'),
    );
    // A warmer is a timer inside the cloud: its pings pay no internet hop or gateway.
    drive(process, () => world.invoker.invoke(entry, null, false, TAG_WARMER, true), w.instances);
  }
}
