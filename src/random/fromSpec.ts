import type { DistributionSpec } from '../spec/distributionSpec.ts';
import type { Distribution } from './distribution.ts';
import {
  constant,
  empirical,
  exponential,
  gamma,
  lognormal,
  lognormalFromQuantiles,
  mixture,
  normalTruncated,
  pareto,
  shifted,
  uniform,
  weibull,
} from './distributions/index.ts';

/**
 * Builds a sampler from a validated distribution spec. The spec parser has
 * already checked every constraint, so the constructors' own checks are a
 * second line that should never fire here.
 */
export function fromSpec(spec: DistributionSpec): Distribution {
  switch (spec.kind) {
    case 'constant':
      return constant(spec.value);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'exponential':
      return exponential(spec.mean);
    case 'normal':
      return normalTruncated(spec.mean, spec.sd);
    case 'lognormal':
      return lognormal(spec.mu, spec.sigma);
    case 'lognormalQuantiles':
      return lognormalFromQuantiles(spec.p1, spec.x1, spec.p2, spec.x2);
    case 'gamma':
      return gamma(spec.shape, spec.scale);
    case 'weibull':
      return weibull(spec.shape, spec.scale);
    case 'pareto':
      return pareto(spec.min, spec.shape);
    case 'shifted':
      return shifted(spec.by, fromSpec(spec.dist));
    case 'mixture': {
      // The parser accepts weights summing to 1 within 1e-6 (hand-written
      // files round); renormalise so the sampler's stricter check holds.
      const total = spec.components.reduce((s, c) => s + c.weight, 0);
      return mixture(
        spec.components.map((c) => ({ weight: c.weight / total, dist: fromSpec(c.dist) })),
      );
    }
    case 'empirical':
      return empirical(spec.points.map((pt) => [pt.p, pt.value] as const));
    default: {
      // A library caller may pass anything; the parser's own specs never get here.
      const kind = (spec as { kind?: unknown } | null)?.kind;
      throw new TypeError(
        `fromSpec: unknown distribution kind ${JSON.stringify(kind)} (known: ${KINDS.join(', ')})`,
      );
    }
  }
}

const KINDS: DistributionSpec['kind'][] = [
  'constant',
  'uniform',
  'exponential',
  'normal',
  'lognormal',
  'lognormalQuantiles',
  'gamma',
  'weibull',
  'pareto',
  'shifted',
  'mixture',
  'empirical',
];
