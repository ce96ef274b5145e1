import type { ColdStartModel } from './coldStartModel.ts';

/** The null cold-start model: an instance is ready the moment it has a slot. */
export const instantStart: ColdStartModel = { name: 'instant', bootTime: () => 0 };
