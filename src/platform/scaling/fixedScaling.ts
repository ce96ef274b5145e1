import type { Call } from '../call.ts';
import type { Pool } from '../pool.ts';
import type { ScalingPolicy } from './scalingPolicy.ts';

/**
 * The null scaling policy: never starts an instance. Calls that find no room queue for the
 * instances there are (the provisioned ones), or are refused at the queue's limit.
 */
export const fixedScaling: ScalingPolicy = {
  name: 'fixed',
  noRoom(pool: Pool, call: Call): void {
    pool.enqueue(call);
  },
  queueWaiting(): void {},
};
