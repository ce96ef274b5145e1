import type { Rng } from '../../random/rng.ts';
import type { IdleList } from '../idleList.ts';
import type { Instance } from '../instance.ts';

/** Which ready instance with spare capacity gets the next call. */
export interface RoutingPolicy {
  readonly name: string;
  /** Called only when the list is not empty. */
  pick(list: IdleList, rng: Rng): Instance;
}
