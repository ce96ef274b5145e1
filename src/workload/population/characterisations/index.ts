/** The published characterisations a population can be drawn like, one file each. */
import { azure2019, azure2019Apps } from './azure2019.ts';
import type { Characterisation } from './characterisation.ts';

export type { Characterisation } from './characterisation.ts';

export const CHARACTERISATIONS = [azure2019, azure2019Apps] as const;

export const CHARACTERISATION_NAMES = CHARACTERISATIONS.map((c) => c.name) as [string, ...string[]];

export function characterisation(name: string): Characterisation {
  const found = CHARACTERISATIONS.find((c) => c.name === name);
  if (found === undefined) {
    throw new TypeError(
      `unknown characterisation ${JSON.stringify(name)} (known: ${CHARACTERISATION_NAMES.join(', ')})`,
    );
  }
  return found;
}
