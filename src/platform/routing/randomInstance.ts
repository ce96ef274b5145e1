import type { RoutingPolicy } from './routingPolicy.ts';

/** A uniformly random ready instance. O(pool size) per pick: a teaching variant, not a fast path. */
export const randomInstance: RoutingPolicy = {
  name: 'random',
  pick: (list, rng) => list.at(Math.floor(rng() * list.size))!,
};
