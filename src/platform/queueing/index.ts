export type { CallQueue } from './callQueue.ts';
export { FifoQueue } from './fifoQueue.ts';
export { type InstancePick, InstanceQueues } from './instanceQueues.ts';
