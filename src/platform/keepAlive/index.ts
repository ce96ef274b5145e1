export { fixedKeepAlive } from './fixedKeepAlive.ts';
export type { KeepAlivePolicy } from './keepAlivePolicy.ts';
export { keepForever } from './keepForever.ts';
