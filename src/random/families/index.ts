/**
 * The families of distributions, one file each: adding a family is its file and a line
 * here. The order is the order editors list them in (the JSON Schema's properties).
 */
import { constant } from './constant.ts';
import { empirical } from './empirical.ts';
import { exponential } from './exponential.ts';
import type { DistributionFamily } from './family.ts';
import { gamma } from './gamma.ts';
import { lognormal } from './lognormal.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { pareto } from './pareto.ts';
import { shifted } from './shifted.ts';
import { uniform } from './uniform.ts';
import { weibull } from './weibull.ts';

export const FAMILIES = [
  constant,
  uniform,
  exponential,
  normal,
  lognormal,
  gamma,
  weibull,
  pareto,
  shifted,
  mixture,
  empirical,
] as const;

/**
 * A latency distribution, validated: the spec of any family above, tagged with its
 * `kind` (each family's file documents its fields). Every duration is in milliseconds;
 * shapes, sigmas and weights are dimensionless. The constraints listed there are
 * guaranteed by the parser, so a converter need not check them again.
 */
export type DistributionSpec = (typeof FAMILIES)[number] extends infer F
  ? F extends DistributionFamily<infer S>
    ? S
    : never
  : never;

export type DistributionKind = DistributionSpec['kind'];
