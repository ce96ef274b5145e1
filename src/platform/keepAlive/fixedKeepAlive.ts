import type { Sampler } from '../sampler.ts';
import type { KeepAlivePolicy } from './keepAlivePolicy.ts';

/**
 * A keep-alive drawn afresh each time an instance becomes idle (a constant for most
 * platforms: Lambda's 10 minutes, Azure's 20), whatever the function's history.
 */
export function fixedKeepAlive(window: Sampler): KeepAlivePolicy {
  return { name: 'fixed', idleFor: () => window.sample() };
}
