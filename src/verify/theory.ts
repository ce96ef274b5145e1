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
