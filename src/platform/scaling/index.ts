export { fixedScaling } from './fixedScaling.ts';
export { onDemandScaling } from './onDemandScaling.ts';
export type { ScalingPolicy } from './scalingPolicy.ts';
