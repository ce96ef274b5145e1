import type { KeepAlivePolicy } from './keepAlivePolicy.ts';

/** The null keep-alive: idle instances are never reclaimed (a model's `keepAlive: "forever"`). */
export const keepForever: KeepAlivePolicy = {
  name: 'forever',
  learns: false,
  constantMs: Infinity,
  idleFor: () => Infinity,
  prewarmAfter: () => 0,
  functionIdle() {},
};
