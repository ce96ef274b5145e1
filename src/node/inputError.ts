/**
 * Bad input from the user: a file that is missing or not JSON, a bad
 * option. The CLI prints its message alone (no stack) and exits with 2.
 */
export class InputError extends Error {}
