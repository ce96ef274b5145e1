import { prepareExperiment } from '../../../src/experiments/prepare.ts';
import { runReplication } from '../../../src/experiments/replication.ts';
import { presetRegistry } from '../../../src/models/registry.ts';
import type { BenchCase } from './index.ts';

const registry = presetRegistry();

// The two widths compared; the wider is ten times the narrower, so a queue
// that pays per event at one instant something that grows with the number
// already there shows a ratio far below 1 (a quadratic one, about 0.1).
const NARROW = 10_000;
const WIDE = 100_000;
const ROUNDS = 3;

/**
 * One replication of a fan-out of `width` calls at a platform with no delay
 * anywhere: every call of a root's fan-out arrives, starts and ends at the
 * same instant. Returns events per second of wall time.
 */
function eventsPerSecond(width: number): { eps: number; events: number; seconds: number } {
  const point = prepareExperiment(
    {
      name: 'bench',
      description: 'bench',
      replications: 1,
      duration: '10s',
      client: { kind: 'client', name: 'inside', description: 'inside', source: ['bench'] },
      platform: {
        kind: 'platform',
        name: 'no-delay',
        description: 'no network, scheduler or cold-start delay',
        source: ['bench'],
        keepAlive: 'forever',
      },
      function: { execution: '5ms' },
      graph: { fanOut: { width } },
      // The same number of calls at both widths: fewer roots when wider.
      workload: { constant: { perSecond: (2 * WIDE) / width / 10 } },
    },
    { models: registry },
  ).points[0].resolved;
  const t0 = performance.now();
  const r = runReplication(point, 'bench');
  const seconds = (performance.now() - t0) / 1000;
  return { eps: r.events / seconds, events: r.events, seconds };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** Same-instant events: events per second of a zero-delay fan-out at two widths, as a ratio. */
export const sameInstant: BenchCase = {
  name: 'engine: same-instant fan-out, 10,000 vs 100,000 wide',
  run() {
    eventsPerSecond(NARROW); // JIT warm-up
    let narrow = eventsPerSecond(NARROW);
    let wide = eventsPerSecond(WIDE);
    for (let i = 1; i < ROUNDS; i++) {
      const n = eventsPerSecond(NARROW);
      const w = eventsPerSecond(WIDE);
      if (n.eps > narrow.eps) narrow = n;
      if (w.eps > wide.eps) wide = w;
    }
    const ratio = wide.eps / narrow.eps;
    return {
      json: {
        sameInstant: {
          narrow: { width: NARROW, events: narrow.events, eventsPerSecond: Math.round(narrow.eps) },
          wide: { width: WIDE, events: wide.events, eventsPerSecond: Math.round(wide.eps) },
          ratio: Number(ratio.toFixed(3)),
        },
      },
      text: [
        `Fan-out at zero delay: all of a root's calls at one instant (best of ${ROUNDS})`,
        `  width ${fmt(NARROW)}: ${fmt(narrow.events)} events, ${fmt(narrow.eps)} events/s`,
        `  width ${fmt(WIDE)}: ${fmt(wide.events)} events, ${fmt(wide.eps)} events/s`,
        `  ratio wide/narrow ${ratio.toFixed(2)} (O(1) per event: about 1; quadratic: about 0.1)`,
      ].join('\n'),
    };
  },
};
