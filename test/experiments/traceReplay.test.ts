import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformModel, run } from './experimentHelpers.ts';

const TRACES = join(import.meta.dirname, '../../models/traces');
const readText = (file: string) => readFileSync(join(TRACES, file), 'utf8');

/** The per-minute counts of the Azure sample, read here with a plain split, by function. */
function azureCounts(): Map<string, number[]> {
  const [header, ...rows] = readText('azure-sample.csv').trim().split('\n');
  const first = header.split(',').indexOf('1');
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const cells = row.split(',');
    out.set(cells[2], cells.slice(first).map(Number));
  }
  return out;
}

describe('trace replay', () => {
  const counts = azureCounts();
  const minutes = Math.max(...[...counts.values()].map((c) => c.length));

  it('reproduces the per-minute counts of the whole trace through a run', () => {
    const expected = Array.from({ length: minutes }, (_, m) =>
      [...counts.values()].reduce((s, c) => s + (c[m] ?? 0), 0),
    );
    const replications = 2;
    const [p] = run(
      {
        duration: `${minutes}min`,
        replications,
        workload: { trace: { file: 'azure-sample.csv', format: 'azure' } },
        platform: platformModel({ network: '1ms', coldStart: { sandbox: '200ms' } }),
        function: { execution: '20ms' },
        graph: { chain: { depth: 2 } },
        timeline: { window: '1min' },
      },
      readText,
    );
    // The timeline's arrivals are a mean over replications; with exact counts, each is exact.
    expect(p.timeline!.arrivals).toEqual(expected);
    const total = expected.reduce((a, b) => a + b, 0);
    expect(p.calls.arrivals).toBe(replications * total);
    // Only roots sent in the last moments of the run may be unanswered.
    expect(p.calls.inFlight).toBeLessThanOrEqual(replications * 2);
  });

  it('reproduces one function of the trace, burst included', () => {
    const [name, own] = [...counts.entries()].find(([, c]) => Math.max(...c) > 1000)!;
    const [p] = run(
      {
        duration: `${own.length}min`,
        replications: 1,
        workload: { trace: { file: 'azure-sample.csv', format: 'azure', function: name } },
        platform: platformModel({ coldStart: { sandbox: '100ms' } }),
        function: { execution: '5ms' },
        timeline: { window: '1min' },
      },
      readText,
    );
    expect(p.timeline!.arrivals).toEqual(own);
    // The burst minute (thousands of calls where there were none) starts instances.
    const burst = own.indexOf(Math.max(...own));
    expect(Math.max(...p.timeline!.starting.slice(burst, burst + 1))).toBeGreaterThan(0);
  });

  it('a trace with Poisson spread keeps the rates but not the exact counts', () => {
    const [p] = run(
      {
        duration: `${minutes}min`,
        replications: 1,
        workload: { trace: { file: 'azure-sample.csv', format: 'azure', spread: 'poisson' } },
        platform: platformModel(),
        function: { execution: '5ms' },
        timeline: { window: '1min' },
      },
      readText,
    );
    const expected = Array.from({ length: minutes }, (_, m) =>
      [...counts.values()].reduce((s, c) => s + (c[m] ?? 0), 0),
    );
    expect(p.timeline!.arrivals).not.toEqual(expected);
    const total = expected.reduce((a, b) => a + b, 0);
    expect(Math.abs(p.calls.arrivals - total)).toBeLessThanOrEqual(4 * Math.sqrt(total));
  });
});
