/**
 * The playground's settings and their URL live in the charts layer
 * (charts/playgroundState.ts), below the playground, so that the report's
 * "try next" links are written with the same names and checked by the same
 * reader the page opens them with.
 */
export * from '../charts/playgroundState.ts';
