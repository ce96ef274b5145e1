import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/experiments/format.ts';
import { resultsTable } from '../../src/experiments/resultsTable.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

describe('resultsTable', () => {
  it('shows the share of calls that timed out, so that a point whose calls all failed does not look merely empty', () => {
    const results = runExperiment(
      prepare({
        duration: '20s',
        replications: 1,
        platform: platformModel({ maxConcurrency: 1 }),
        function: { execution: '5ms', timeout: '1ms' },
        sweep: { 'workload.constant.perSecond': [1, 10] },
        workload: { constant: { perSecond: 1 } },
      }),
    ).results;
    const lines = resultsTable(results).split('\n');
    const header = lines.find((l) => l.startsWith('point'))!;
    expect(header).toMatch(/cold +throttled +timed out$/);
    for (const p of results.points) {
      expect(p.calls.completed).toBe(0);
      expect(p.calls.timedOut).toBeGreaterThan(0);
      const row = lines.find((l) => l.startsWith(p.label))!;
      const ended = p.calls.timedOut + p.calls.throttled;
      expect(row.trim().split(/ +/).at(-1)).toBe(formatPercent(p.calls.timedOut / ended));
    }
  });
});
