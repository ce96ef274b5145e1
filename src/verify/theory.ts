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

export interface BurstCounts {
  /** Instances started. */
  starts: number;
  /** Calls handed to an instance the moment it finished starting. */
  servedFresh: number;
  /** Calls that waited while a start for them or for their queue was under way. */
  waitedOnStart: number;
}

/**
 * A deterministic burst from zero on one function with no limits and instances kept forever:
 * `calls` calls `gap` ms apart from time 0, cold starts of exactly `start` ms, executions of
 * exactly `execution` ms, `concurrency` calls per instance. Counted event by event, on its own
 * (the simulator's pool is not used): a call that finds an instance ready with room takes it;
 * else it waits, for a start already under way with room for it, or for one it starts. Early
 * binding: a call that starts an instance is served by that instance first when it is ready;
 * late binding: every waiting call takes the first room there is, in arrival order. An instance
 * that becomes ready takes waiting calls (fresh); one that frees room takes the next waiting call.
 * Times must not tie (choose the gap, start and execution so): then the order is unambiguous.
 */
export function burstFromZero(o: {
  calls: number;
  gap: number;
  start: number;
  execution: number;
  concurrency: number;
  binding: 'early' | 'late';
}): BurstCounts {
  interface Inst {
    readyAt: number;
    active: number;
    /** Under early binding, the call it was started for, until it is ready. */
    bound: number | null;
  }
  const instances: Inst[] = [];
  const waiting: number[] = [];
  // Pending completions: [time, instance].
  const ends: [number, Inst][] = [];
  const out: BurstCounts = { starts: 0, servedFresh: 0, waitedOnStart: 0 };
  const c = o.concurrency;
  const serve = (inst: Inst, t: number) => {
    inst.active++;
    ends.push([t + o.execution, inst]);
  };
  const starting = () => instances.filter((i) => i.readyAt > now);
  let now = 0;
  let next = 0;
  const events = () => {
    const arrival = next < o.calls ? next * o.gap : Infinity;
    const ready = Math.min(Infinity, ...starting().map((i) => i.readyAt));
    const end = Math.min(Infinity, ...ends.map((e) => e[0]));
    return { arrival, ready, end };
  };
  for (;;) {
    const { arrival, ready, end } = events();
    const t = Math.min(arrival, ready, end);
    if (t === Infinity) break;
    if (end === t) {
      const k = ends.findIndex((e) => e[0] === t);
      const [, inst] = ends.splice(k, 1)[0];
      now = t;
      inst.active--;
      if (waiting.length > 0) {
        waiting.shift();
        serve(inst, t);
      }
      continue;
    }
    if (ready === t) {
      const inst = starting().find((i) => i.readyAt === t)!;
      now = t;
      if (inst.bound !== null) {
        out.servedFresh++;
        serve(inst, t);
        inst.bound = null;
      }
      while (inst.active < c && waiting.length > 0) {
        waiting.shift();
        out.servedFresh++;
        serve(inst, t);
      }
      continue;
    }
    now = t;
    const call = next++;
    const room = instances.find((i) => i.readyAt <= t && i.active < c);
    if (room) {
      serve(room, t);
      continue;
    }
    out.waitedOnStart++;
    const on = starting();
    const spare = on.length * c - on.filter((i) => i.bound !== null).length;
    if (spare > waiting.length) {
      waiting.push(call);
      continue;
    }
    out.starts++;
    const inst: Inst = { readyAt: t + o.start, active: 0, bound: null };
    instances.push(inst);
    if (o.binding === 'early') inst.bound = call;
    else waiting.push(call);
  }
  return out;
}

/** M/G/1 mean wait (Pollaczek-Khinchine): lambda E[S^2] / (2 (1 - rho)). */
export function pkMeanWait(lambda: number, meanS: number, secondMomentS: number): number {
  const rho = lambda * meanS;
  return (lambda * secondMomentS) / (2 * (1 - rho));
}

/** The standard normal CDF, by erfc (W. J. Cody's rational approximations via Numerical Recipes' erfc, 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The p-quantile of the M/G/1 (FIFO) waiting time with lognormal service (ln-mean mu, ln-sd
 * sigma, in ms) at arrival rate lambda (per ms), computed numerically from its exact
 * distribution: Pollaczek-Khinchine's compound geometric, W = the sum of N residual service
 * times with P(N = k) = (1 - rho) rho^k, the residual (equilibrium) distribution having CDF
 * F_e(x) = [x (1 - F(x)) + E[S] Phi((ln x - mu - sigma^2) / sigma)] / E[S]. The residual is
 * discretised on a grid of `step` ms (mass of [(j - 1/2) step, (j + 1/2) step) at j step) and
 * the compound sum by Panjer's recursion.
 */
export function mg1LognormalWaitQuantile(
  p: number,
  lambda: number,
  mu: number,
  sigma: number,
  step: number,
): number {
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  const rho = lambda * mean;
  if (!(rho < 1)) throw new RangeError('mg1LognormalWaitQuantile: rho must be < 1');
  const F = (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));
  const Fe = (x: number) =>
    x <= 0
      ? 0
      : (x * (1 - F(x)) + mean * normalCdf((Math.log(x) - mu - sigma * sigma) / sigma)) / mean;
  if (p <= 1 - rho) return 0;
  // P(W <= k step) accumulates until it reaches p.
  const g: number[] = [Fe(step / 2)];
  const P: number[] = [(1 - rho) / (1 - rho * g[0])];
  let cdf = P[0];
  for (let k = 1; cdf < p; k++) {
    g.push(Fe((k + 0.5) * step) - Fe((k - 0.5) * step));
    let s = 0;
    for (let j = 1; j <= k; j++) s += g[j] * P[k - j];
    P.push((rho * s) / (1 - rho * g[0]));
    cdf += P[k];
    if (cdf >= p) return k * step;
    if (k > 1e6) throw new RangeError('mg1LognormalWaitQuantile: grid too fine');
  }
  return 0;
}

/**
 * M/M/1 with a fixed patience tau (FIFO): a call still waiting after tau leaves. It leaves
 * exactly when its virtual wait (the work ahead of it that will be served) exceeds tau, whose
 * stationary law has an atom P0 at 0 and density lambda P0 e^{-(mu - lambda) x} up to tau,
 * lambda P0 e^{lambda tau} e^{-mu x} beyond. So P(abandon) = P(V > tau) =
 * rho e^{-(mu - lambda) tau} / [1 + rho / (1 - rho) (1 - e^{-(mu - lambda) tau}) + rho e^{-(mu - lambda) tau}].
 * Rates per ms, tau in ms; at tau = 0 it is Erlang B with one server, rho / (1 + rho).
 */
export function mm1PatienceAbandon(lambda: number, mu: number, tau: number): number {
  const rho = lambda / mu;
  const e = Math.exp(-(mu - lambda) * tau);
  return (rho * e) / (1 + (rho / (1 - rho)) * (1 - e) + rho * e);
}

/**
 * M/M/1 whose server switches off the moment it is idle and needs a setup time I before it
 * serves again (keep-alive 0): mean time in system 1 / (mu - lambda) + (2 E[I] + lambda E[I^2])
 * / (2 (1 + lambda E[I])) (Welch 1964, exceptional first service). Rates per ms.
 */
export function mm1SetupMeanTime(
  lambda: number,
  mu: number,
  meanI: number,
  secondMomentI: number,
): number {
  return 1 / (mu - lambda) + (2 * meanI + lambda * secondMomentI) / (2 * (1 + lambda * meanI));
}

/**
 * The same queue: the share of calls that wait while a setup is under way. A cycle has an
 * idle spell, the call that ends it, the 1 + N_I calls there while the setup runs, and the
 * busy period they start, which serves (1 + lambda E[I]) / (1 - rho) calls in all: the share
 * is 1 - rho, whatever the setup time. Of those, one per cycle is served by the new
 * instance the moment it is ready (one call per instance): (1 - rho) / (1 + lambda E[I]).
 */
export function mm1SetupShares(
  lambda: number,
  mu: number,
  meanI: number,
): { waited: number; servedFresh: number } {
  const rho = lambda / mu;
  return { waited: 1 - rho, servedFresh: (1 - rho) / (1 + lambda * meanI) };
}
