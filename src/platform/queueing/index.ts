export type { CallQueue } from './callQueue.ts';
export { FifoQueue } from './fifoQueue.ts';
