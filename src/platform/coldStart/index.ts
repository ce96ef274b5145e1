export type { ColdStartModel, ColdStartPool } from './coldStartModel.ts';
export { instantStart } from './instantStart.ts';
export { phasedColdStart } from './phasedColdStart.ts';
