/**
 * A source of uniform random numbers in [0, 1). Every sampler takes one as a
 * parameter, so that no code in coldtail ever reaches for Math.random and a
 * run is reproducible from its seed.
 */
export type Rng = () => number;
