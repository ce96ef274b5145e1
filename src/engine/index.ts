export { CalendarQueue } from './calendarQueue.ts';
export type { EventHandler, EventId } from './eventQueue.ts';
export { EventQueue } from './eventQueue.ts';
export type { RunOptions, RunResult, StopReason } from './simulation.ts';
export { Simulation } from './simulation.ts';
