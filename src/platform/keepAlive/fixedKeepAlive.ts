import type { Sampler } from '../sampler.ts';
import type { KeepAlivePolicy } from './keepAlivePolicy.ts';

/**
 * A keep-alive drawn afresh each time an instance becomes idle (a constant for most
 * platforms: Lambda's 10 minutes, Azure's 20), whatever the function's history.
 * `constantMs`: what `window` always gives, when it is a constant that draws nothing (see
 * KeepAlivePolicy.constantMs); undefined otherwise.
 */
export function fixedKeepAlive(window: Sampler, constantMs?: number): KeepAlivePolicy {
  return {
    name: 'fixed',
    learns: false,
    ...(constantMs === undefined ? {} : { constantMs }),
    idleFor: () => window.sample(),
    prewarmAfter: () => 0,
    functionIdle() {},
  };
}
