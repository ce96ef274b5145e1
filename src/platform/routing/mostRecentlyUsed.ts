import type { RoutingPolicy } from './routingPolicy.ts';

/**
 * The default, as on Lambda and OpenWhisk: the warmest instance first, which
 * lets the others age out of their keep-alive when traffic drops.
 */
export const mostRecentlyUsed: RoutingPolicy = {
  name: 'mru',
  pick: (list) => list.head!,
};
