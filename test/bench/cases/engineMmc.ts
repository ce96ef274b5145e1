import { createStream } from '../../../src/random/streams.ts';
import { runQueue } from '../../support/queueModel.ts';
import { bareHeapMmc } from './bareHeapMmc.ts';
import type { BenchCase } from './index.ts';

const SERVERS = 10;
const LAMBDA = 9;
const MU = 1;
const CUSTOMERS = 1_000_000;

function engineRun(seed: string): { seconds: number; events: number; meanWait: number } {
  const rng = createStream(seed, 'mmc');
  const t0 = performance.now();
  const r = runQueue({
    servers: SERVERS,
    interarrival: () => -Math.log(1 - rng()) / LAMBDA,
    service: () => -Math.log(1 - rng()) / MU,
    customers: CUSTOMERS,
  });
  return { seconds: (performance.now() - t0) / 1000, events: r.events, meanWait: r.meanWait };
}

function bareRun(seed: string): { seconds: number; events: number; meanWait: number } {
  const rng = createStream(seed, 'mmc');
  const t0 = performance.now();
  const r = bareHeapMmc(SERVERS, LAMBDA, MU, CUSTOMERS, rng);
  return { seconds: (performance.now() - t0) / 1000, ...r };
}

/** M/M/c (c = 10, lambda = 9, mu = 1), one million customers: engine vs a bare heap loop. */
export const engineMmc: BenchCase = {
  name: 'engine: M/M/c vs bare typed-array heap',
  run() {
    // Warm both up so that the JIT has compiled them before timing, then
    // alternate and keep the best of three to damp a busy machine's noise.
    engineRun('warm');
    bareRun('warm');
    let engine = engineRun('a');
    let bare = bareRun('a');
    for (const seed of ['b', 'c']) {
      const e = engineRun(seed);
      const b = bareRun(seed);
      if (e.seconds < engine.seconds) engine = e;
      if (b.seconds < bare.seconds) bare = b;
    }
    const engineCps = CUSTOMERS / engine.seconds;
    const bareCps = CUSTOMERS / bare.seconds;
    const ratio = engineCps / bareCps;
    return {
      json: {
        engine: {
          customersPerSecond: Math.round(engineCps),
          eventsPerSecond: Math.round(engine.events / engine.seconds),
          meanWait: engine.meanWait,
        },
        baseline: {
          customersPerSecond: Math.round(bareCps),
          eventsPerSecond: Math.round(bare.events / bare.seconds),
          meanWait: bare.meanWait,
        },
        ratio: Number(ratio.toFixed(3)),
      },
      text: [
        'M/M/c, c = 10, lambda = 9, mu = 1, 1,000,000 customers (best of 3)',
        `  coldtail engine   ${fmt(engineCps)} customers/s  ${fmt(engine.events / engine.seconds)} events/s  mean wait ${engine.meanWait.toFixed(4)}`,
        `  bare heap loop    ${fmt(bareCps)} customers/s  ${fmt(bare.events / bare.seconds)} events/s  mean wait ${bare.meanWait.toFixed(4)}`,
        `  ratio engine/bare ${ratio.toFixed(3)} (target >= 0.60; Erlang C mean wait 0.6687)`,
      ].join('\n'),
    };
  },
};

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
