import type { RoutingPolicy } from './routingPolicy.ts';

/** Spreads calls round the pool, which keeps every instance warm longer. */
export const leastRecentlyUsed: RoutingPolicy = {
  name: 'lru',
  pick: (list) => list.tail!,
};
