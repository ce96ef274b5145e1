/**
 * A results file could not be written after the checks: disk full, a folder in the way...
 * The CLI prints it in one line, with exit code 1 (the input was fine). A module of its own:
 * the command line's error handling recognises it without loading the output code (and,
 * bundled, the charts beside it), which `coldtail validate` never uses.
 */
export class OutputError extends Error {}
