import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/experiments/format.ts';
import { resultsCsv } from '../../src/experiments/resultsCsv.ts';
import { resultsTable } from '../../src/experiments/resultsTable.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { cutOffNote, warmupNote } from '../../src/experiments/unanswered.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

// Late binding: calls that waited on a start are often served by an instance that freed first.
const coldRun = () =>
  runExperiment(
    prepare({
      duration: '20s',
      replications: 2,
      platform: platformModel({ coldStart: { sandbox: '250ms' }, coldStartBinding: 'late' }),
      function: { execution: { exponential: { mean: '100ms' } } },
      sweep: { 'workload.poisson.perSecond': [20, 40] },
      workload: { poisson: { perSecond: 20 } },
    }),
  ).results;

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
    expect(header).toMatch(/cold +cold wait +throttled +timed out$/);
    for (const p of results.points) {
      expect(p.calls.completed).toBe(0);
      expect(p.calls.timedOut).toBeGreaterThan(0);
      const row = lines.find((l) => l.startsWith(p.label))!;
      const ended = p.calls.timedOut + p.calls.throttled;
      expect(row.trim().split(/ +/).at(-1)).toBe(formatPercent(p.calls.timedOut / ended));
    }
  });

  it('shows both counts of cold calls, and a cut-off column and note only when calls were cut off', () => {
    const results = coldRun();
    const p0 = results.points[0];
    expect(p0.cold.waitedOnStart!.value!).toBeGreaterThan(p0.cold.servedFresh!.value!);
    const table = resultsTable(results);
    expect(table).not.toContain('cut off');
    expect(table).toContain('cold wait: calls that waited while an instance started');
    // The count is of answered calls, and says so; the shares are of every call that ended.
    expect(table.split('\n').find((l) => l.startsWith('point'))).toMatch(/^point +completed +p50/);
    expect(table).toContain(
      'throttled, timed out (and the other shares of calls that did not complete): shares of every call that ended',
    );
    const row = table.split('\n').find((l) => l.startsWith(p0.label))!;
    expect(row).toContain(formatPercent(p0.cold.waitedOnStart!.value));
    const cut = {
      ...results,
      points: [{ ...p0, calls: { ...p0.calls, inFlight: 3 } }, ...results.points.slice(1)],
    };
    const lines = resultsTable(cut).split('\n');
    expect(lines.find((l) => l.startsWith('point'))).toMatch(/timed out +cut off$/);
    expect(
      lines
        .find((l) => l.startsWith(p0.label))!
        .trim()
        .split(/ +/)
        .at(-1),
    ).toBe('3');
    expect(cutOffNote(cut)).toContain(`${p0.label} 3`);
    expect(resultsTable(cut)).toContain(cutOffNote(cut)!);
  });

  it('reads results written before the counts existed', () => {
    const results = coldRun();
    const old = {
      ...results,
      points: results.points.map((p) => {
        const { servedFresh, waitedOnStart, servedFreshCalls, waitedOnStartCalls, ...cold } =
          p.cold;
        const { drain, ...rest } = p;
        return { ...rest, cold };
      }),
    };
    const row = resultsTable(old)
      .split('\n')
      .find((l) => l.startsWith(results.points[0].label))!;
    expect(row).toMatch(/ - +\S+ +\S+$/);
    const csv = resultsCsv(old).split('\n');
    const header = csv[0].split(',');
    const cells = csv[1].split(',');
    expect(cells[header.indexOf('waited_on_start_share')]).toBe('');
    expect(cells[header.indexOf('cold_share')]).toBe(String(results.points[0].cold.share.value));
  });

  it('warns when the warm-up looks too short, from the MSER-5 truncation point', () => {
    const results = coldRun();
    const p0 = results.points[0];
    const fine = {
      ...results,
      points: results.points.map((p) => ({ ...p, warmupCheck: { mser: 0, tooShort: false } })),
    };
    expect(warmupNote(fine)).toBeNull();
    expect(resultsTable(fine)).not.toContain('warm-up');
    const short = {
      ...results,
      points: [
        { ...p0, warmupCheck: { mser: 54_000, tooShort: true } },
        ...results.points.slice(1),
      ],
    };
    const note = warmupNote(short)!;
    expect(note).toContain(`${p0.label} 54.0 s`);
    expect(resultsTable(short)).toContain(note);
  });
});

describe('the table of a run where instances crash', () => {
  it('has a crashed column, its share of the calls that ended', () => {
    const { results } = runExperiment(
      prepare({
        seed: 'crash-table',
        duration: '20s',
        platform: platformModel(),
        function: { crashProbability: 0.1 },
        workload: { poisson: { perSecond: 50 } },
      }),
    );
    const c = results.points[0].calls;
    expect(c.crashed).toBeGreaterThan(0);
    const lines = resultsTable(results).split('\n');
    const header = lines.find((l) => l.startsWith('point'))!;
    expect(header).toContain('crashed');
    const ended = c.completed + c.throttled + c.timedOut + c.crashed!;
    expect(lines.find((l) => l.startsWith('test'))).toContain(formatPercent(c.crashed! / ended));
  });
});
