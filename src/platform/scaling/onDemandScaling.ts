import { type Call, Outcome } from '../call.ts';
import type { Pool } from '../pool.ts';
import type { ScalingPolicy } from './scalingPolicy.ts';

/**
 * One instance started per call that finds none free (Lambda, OpenWhisk, Azure): the start
 * is paced by the burst bucket and capped by the instance limit; under early binding the
 * call waits for the instance started for it, under late binding it joins the queue.
 */
export const onDemandScaling: ScalingPolicy = {
  name: 'onDemand',

  noRoom(pool: Pool, call: Call): void {
    // Calls already waiting are served first; does an instance on its way have room for this one?
    if ((pool.starting + pool.wanted) * pool.conc - pool.bound > pool.queue.live) {
      pool.enqueue(call);
      return;
    }
    const limits = pool.options.limits;
    if (limits.maxInstances === Infinity || limits.instances() < limits.maxInstances) {
      const token = pool.takeToken();
      if (!token && pool.options.burstWhenEmpty === 'throttle') {
        pool.host.reject(call, Outcome.Throttled);
      } else if (pool.options.binding === 'early' && token) {
        pool.startInstance(call);
      } else {
        pool.enqueue(call);
        if (token) pool.startInstance(null);
        else pool.requestStart();
      }
      return;
    }
    pool.atLimit(call);
  },

  /**
   * A call queued at the limit has no start coming, and once calls elsewhere have ended
   * nothing else would start one: start as many as the limit allows.
   */
  queueWaiting(pool: Pool): void {
    const limits = pool.options.limits;
    while (
      pool.queue.live > (pool.starting + pool.wanted) * pool.conc - pool.bound &&
      (limits.maxInstances === Infinity || limits.instances() < limits.maxInstances)
    ) {
      pool.requestStart();
    }
  },
};
