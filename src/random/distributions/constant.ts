import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireFinite } from './requireFinite.ts';
import { requireProbability } from './requireProbability.ts';

export class Constant implements Distribution {
  readonly kind = 'constant';
  readonly mean: number;
  /** Read by the invoker's hot path (FunctionRuntime.sampleExecution). */
  readonly value: number;

  constructor(value: number) {
    this.value = value;
    this.mean = value;
  }

  // Consumes no draws: a fixed stage should not perturb the stream it is given.
  sample(_rng: Rng): number {
    return this.value;
  }

  cdf(x: number): number {
    return x >= this.value ? 1 : 0;
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return this.value;
  }
}

/** A point mass: every sample is `value`. */
export function constant(value: number): Distribution {
  requireFinite('constant', 'value', value);
  return new Constant(value);
}
