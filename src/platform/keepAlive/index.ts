export { fixedKeepAlive } from './fixedKeepAlive.ts';
export {
  HYBRID_DEFAULTS,
  HybridHistogram,
  type HybridHistogramSettings,
} from './hybridHistogram.ts';
export type { KeepAlivePolicy } from './keepAlivePolicy.ts';
export { keepForever } from './keepForever.ts';
