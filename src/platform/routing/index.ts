import { leastRecentlyUsed } from './leastRecentlyUsed.ts';
import { mostRecentlyUsed } from './mostRecentlyUsed.ts';
import { randomInstance } from './randomInstance.ts';
import type { RoutingPolicy } from './routingPolicy.ts';

export type { RoutingPolicy } from './routingPolicy.ts';
export type RoutingName = 'mru' | 'lru' | 'random';

export const ROUTING_POLICIES: Record<RoutingName, RoutingPolicy> = {
  mru: mostRecentlyUsed,
  lru: leastRecentlyUsed,
  random: randomInstance,
};
