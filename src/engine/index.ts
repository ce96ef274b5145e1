export { CalendarQueue } from './calendarQueue.ts';
export { EventQueue } from './eventQueue.ts';
export type { EventHandler, EventId } from './eventSlots.ts';
export type { RunOptions, RunResult, StopReason } from './simulation.ts';
export { Simulation } from './simulation.ts';
