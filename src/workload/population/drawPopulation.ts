import type { Distribution } from '../../random/distribution.ts';
import type { DistributionSpec } from '../../random/distributionSpec.ts';
import { fromSpec } from '../../random/fromSpec.ts';
import { createStream } from '../../random/streams.ts';
import { log } from '../../special/log.ts';
import { characterisation } from './characterisations/index.ts';
import type { RegionFunction } from './regionFunction.ts';

/** A population as parsed from an experiment file (see sources/population.ts). */
export interface PopulationSpec {
  functions: number;
  like: string;
  perDay?: DistributionSpec;
  periodicShare?: number;
  iatCv?: DistributionSpec;
  execution?: DistributionSpec;
  executionSigma?: number;
  memoryMB?: DistributionSpec;
  rateScale: number;
  maxPerSecond?: number;
  prefix: string;
}

const DAY_S = 86_400;

/** The population's distributions: the characterisation's, with the spec's overrides over them. */
export function populationModel(spec: PopulationSpec): {
  perDay: Distribution;
  periodicShare: number;
  iatCv: Distribution;
  meanExecutionMs: Distribution;
  executionSigma: number;
  memoryMB: Distribution;
} {
  const c = characterisation(spec.like);
  return {
    perDay: spec.perDay ? fromSpec(spec.perDay) : c.perDay,
    periodicShare: spec.periodicShare ?? c.periodicShare,
    iatCv: spec.iatCv ? fromSpec(spec.iatCv) : c.iatCv,
    meanExecutionMs: spec.execution ? fromSpec(spec.execution) : c.meanExecutionMs,
    executionSigma: spec.executionSigma ?? c.executionSigma,
    memoryMB: spec.memoryMB ? fromSpec(spec.memoryMB) : c.memoryMB,
  };
}

/** The name of function i of n: the prefix and i zero-padded, so that names sort as drawn. */
export function populationName(prefix: string, i: number, n: number): string {
  return `${prefix}${String(i).padStart(String(n - 1).length, '0')}`;
}

/**
 * Draws the functions of a population. Function i draws from its own stream
 * ("population:<prefix>/<i>" of the experiment's seed, not a replication's: every replication
 * and every sweep point meets the same functions), in a fixed order: its rate, whether it is
 * periodic, its CV, its mean execution time, its memory. So the same seed gives the same
 * functions, and a larger population keeps the first functions of a smaller one.
 */
export function drawPopulation(spec: PopulationSpec, seed: string | number): RegionFunction[] {
  const m = populationModel(spec);
  const out: RegionFunction[] = new Array(spec.functions);
  const cap = spec.maxPerSecond ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < spec.functions; i++) {
    const rng = createStream(seed, `population:${spec.prefix}/${i}`);
    const perDay = m.perDay.sample(rng);
    const periodic = rng() < m.periodicShare;
    const cvDraw = m.iatCv.sample(rng);
    const meanMs = m.meanExecutionMs.sample(rng);
    const memoryMB = m.memoryMB.sample(rng);
    const perSecond = Math.min(cap, (perDay * spec.rateScale) / DAY_S);
    out[i] = {
      name: populationName(spec.prefix, i, spec.functions),
      arrivals: { kind: 'renewal', perSecond, cv: periodic ? 0 : cvDraw },
      execution: executionAround(meanMs, m.executionSigma),
      memoryMB,
    };
  }
  return out;
}

/** A lognormal whose mean is `meanMs` with sigma `sigma` of ln(ms); a constant at sigma 0. */
function executionAround(meanMs: number, sigma: number): DistributionSpec {
  if (sigma === 0 || !(meanMs > 0)) return { kind: 'constant', value: Math.max(0, meanMs) };
  return { kind: 'lognormal', mu: log(meanMs) - (sigma * sigma) / 2, sigma };
}
