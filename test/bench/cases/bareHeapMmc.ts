/**
 * The baseline: M/M/c as one bare loop over a binary heap in typed arrays
 * (time, sequence, event type), with no engine at all. The engine's case runs
 * the same model with the same random numbers, so their ratio is the engine's
 * overhead.
 */
export function bareHeapMmc(
  servers: number,
  lambda: number,
  mu: number,
  customers: number,
  rng: () => number,
): { meanWait: number; events: number } {
  let cap = 1024;
  let times = new Float64Array(cap);
  let seqs = new Float64Array(cap);
  let types = new Uint8Array(cap);
  let size = 0;
  let seq = 0;
  const push = (t: number, type: number): void => {
    if (size === cap) {
      cap *= 2;
      const nt = new Float64Array(cap);
      nt.set(times);
      times = nt;
      const ns = new Float64Array(cap);
      ns.set(seqs);
      seqs = ns;
      const ny = new Uint8Array(cap);
      ny.set(types);
      types = ny;
    }
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < t || (times[p] === t && seqs[p] < s)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      types[i] = types[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    types[i] = type;
  };
  let popTime = 0;
  let popType = 0;
  const pop = (): void => {
    popTime = times[0];
    popType = types[0];
    size--;
    const t = times[size];
    const s = seqs[size];
    const y = types[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (
        c + 1 < size &&
        (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))
      )
        c++;
      if (t < times[c] || (t === times[c] && s < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      types[i] = types[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    types[i] = y;
  };
  let ring = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let arrived = 0;
  let sumWait = 0;
  let events = 0;
  push(-Math.log(1 - rng()) / lambda, 0);
  while (size > 0) {
    pop();
    events++;
    const now = popTime;
    if (popType === 0) {
      arrived++;
      if (arrived < customers) push(now - Math.log(1 - rng()) / lambda, 0);
      if (busy < servers) {
        busy++;
        push(now - Math.log(1 - rng()) / mu, 1);
      } else {
        if (length === ring.length) {
          const bigger = new Float64Array(ring.length * 2);
          for (let i = 0; i < length; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
          ring = bigger;
          head = 0;
        }
        ring[(head + length) & (ring.length - 1)] = now;
        length++;
      }
    } else if (length > 0) {
      sumWait += now - ring[head];
      head = (head + 1) & (ring.length - 1);
      length--;
      push(now - Math.log(1 - rng()) / mu, 1);
    } else {
      busy--;
    }
  }
  return { meanWait: sumWait / customers, events };
}
