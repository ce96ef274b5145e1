/**
 * Raised when a run breaks one of its limits; the message says which and how to raise it.
 * A module of its own: the command line's error handling recognises it without loading the
 * simulator (replication.ts and everything it wires), which `coldtail validate` never runs.
 */
export class RunLimitError extends Error {}
