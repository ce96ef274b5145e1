import type { Distribution } from '../random/distribution.ts';
import type { Rng } from '../random/rng.ts';

/** A sampler with its random stream bound in. */
export interface Sampler {
  sample(): number;
}

export function bind(d: Distribution, rng: Rng): Sampler {
  return { sample: () => d.sample(rng) };
}
