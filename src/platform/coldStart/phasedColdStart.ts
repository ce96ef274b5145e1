import type { Distribution } from '../../random/distribution.ts';
import type { Rng } from '../../random/rng.ts';
import type { ColdStartModel } from './coldStartModel.ts';

/** The phases of a cold start (a model's `coldStart`), each drawn and summed, in one stream. */
export function phasedColdStart(phases: readonly Distribution[], rng: Rng): ColdStartModel {
  if (phases.length === 1) {
    const only = phases[0];
    return { name: 'phases', bootTime: () => only.sample(rng) };
  }
  return {
    name: 'phases',
    bootTime: () => {
      let total = 0;
      for (let i = 0; i < phases.length; i++) total += phases[i].sample(rng);
      return total;
    },
  };
}
