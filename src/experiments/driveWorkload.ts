import type { Simulation } from '../engine/index.ts';
import type { Call } from '../platform/call.ts';
import type { World } from '../platform/world.ts';
import { createStream } from '../random/streams.ts';
import { PeriodicArrivals } from '../workload/arrivals/periodicArrivals.ts';
import type { Caller } from '../workload/client/caller.ts';
import { driveArrivals } from '../workload/driveArrivals.ts';
import { createFunctionArrivals } from '../workload/population/functionArrivals.ts';
import { createArrivals } from '../workload/workloadSpec.ts';
import { TAG_ROOT, TAG_WARMER } from './recorder.ts';
import type { ResolvedPoint } from './resolve.ts';

/**
 * Sends a point's root calls to its entry function, one stream of arrivals
 * per workload source, and its warmers' pings (`instances` to each function
 * warmed, every round), until the end of the run.
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
  caller: Caller | null = null,
): void {
  const entry = world.functions.get(point.graph.entry)!;
  const external = point.client.internet !== null;
  point.sources.forEach((source, i) => {
    if (source.functions) {
      // A source of many functions: each function its own arrivals, on its own stream, to its
      // own pool (the same seed gives a function the same calls whatever the others do).
      for (const route of source.functions) {
        const fn = world.functions.get(route.name)!;
        const process = createFunctionArrivals(
          route.arrivals,
          createStream(seed, `arrivals:${i}/${route.name}`),
        );
        driveArrivals(sim, process, point.duration, () =>
          sent(world.invoker.invoke(fn, null, external, TAG_ROOT)),
        );
      }
      return;
    }
    const process = createArrivals(source.spec, createStream(seed, `arrivals:${i}`), source.trace);
    driveArrivals(
      sim,
      process,
      point.duration,
      caller === null
        ? () => sent(world.invoker.invoke(entry, null, external, TAG_ROOT))
        : () => caller.send(),
    );
  });
  if (point.warmers) {
    const w = point.warmers;
    const process = new PeriodicArrivals(
      w.period,
      { jitterMs: w.jitter },
      createStream(seed, 'warmers'),
    );
    // A warmer is a timer inside the cloud: its pings pay no internet hop or gateway.
    const pinged = w.functions.map((name) => world.functions.get(name)!);
    driveArrivals(sim, process, point.duration, () => {
      for (const fn of pinged) {
        for (let i = 0; i < w.instances; i++) {
          sent(world.invoker.invoke(fn, null, false, TAG_WARMER, true));
        }
      }
    });
  }
}
