/**
 * The closed forms of CALIBRATION.md, written out here on their own: the expectations must not
 * come from the code under test (e.g. the distributions' own quantile functions).
 */

/** M/M/1 time in system: exponential with rate mu - lambda. Its p-quantile. */
export function mm1SojournQuantile(p: number, lambda: number, mu: number): number {
  return -Math.log(1 - p) / (mu - lambda);
}

/** Erlang B: a cap of c concurrent calls, offered load a; B_k = a B_{k-1} / (k + a B_{k-1}). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C, the probability of waiting in M/M/c with a = lambda / mu < c:
 * [a^c / c! * c / (c - a)] / [sum_{k<c} a^k / k! + a^c / c! * c / (c - a)].
 */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * c) / (c - a);
  return last / (sum + last);
}

/** M/D/1 mean wait (Pollaczek-Khinchine), service time d, utilisation rho. */
export function md1MeanWait(rho: number, d: number): number {
  return (rho * d) / (2 * (1 - rho));
}

/** One instance, Poisson arrivals at rate lambda, keep-alive k, short calls: P(cold). */
export function coldShare(lambda: number, k: number): number {
  return Math.exp(-lambda * k);
}

/** The p-quantile of the largest of n independent exponentials with this mean: F^-1(p^(1/n)). */
export function maxOfExponentialsQuantile(p: number, n: number, mean: number): number {
  return -mean * Math.log(1 - p ** (1 / n));
}

/** P(at least one of n independent events of probability q), e.g. a slow leaf or a cold hop. */
export function atLeastOne(q: number, n: number): number {
  return 1 - (1 - q) ** n;
}
