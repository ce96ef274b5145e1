import { describe, expect, it } from 'vitest';
import { RunLimitError, runReplication } from '../../src/experiments/replication.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

const point = (maxEvents?: number) =>
  prepare({
    duration: '10s',
    replications: 1,
    platform: platformModel({ coldStart: { sandbox: '100ms' } }),
    function: { execution: '5ms' },
    workload: { poisson: { perSecond: 50 } },
    ...(maxEvents === undefined ? {} : { limits: { maxEvents } }),
  }).points[0].resolved;

describe('limits.maxEvents', () => {
  // The events the run needs, counted by a run with no limit to speak of.
  const needed = runReplication(point(), 'seed').events;

  it('stops a run at the limit, however small, not at the next chunk of events', () => {
    expect(needed).toBeGreaterThan(1000);
    expect(() => runReplication(point(10), 'seed')).toThrow(RunLimitError);
    expect(() => runReplication(point(10), 'seed')).toThrow(/more than 10 events by \d+ ms/);
    expect(() => runReplication(point(needed - 1), 'seed')).toThrow(RunLimitError);
  });

  it('lets a run that needs exactly the limit finish, with the same data', () => {
    const limited = runReplication(point(needed), 'seed');
    expect(limited.events).toBe(needed);
    expect(JSON.stringify(limited)).toBe(JSON.stringify(runReplication(point(), 'seed')));
  });
});
