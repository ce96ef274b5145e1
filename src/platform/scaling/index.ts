export { fixedScaling } from './fixedScaling.ts';
export { KPA_DEFAULTS, KpaScaling, type KpaSettings } from './kpaScaling.ts';
export { onDemandScaling } from './onDemandScaling.ts';
export type { ScalingPolicy } from './scalingPolicy.ts';
