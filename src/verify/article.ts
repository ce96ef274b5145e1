/** The founding article's setting: its two platforms and a responsive function (1-10 ms). */

export const MANAGED = 'article-2019-managed';
export const LATENCY_OPTIMISED = 'article-2019-latency-optimised';

/** The same function on every platform compared: median 1 ms, p99 3 ms. */
export const RESPONSIVE_FUNCTION = { execution: { lognormal: { p50: '1ms', p99: '3ms' } } };
