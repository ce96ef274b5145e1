/**
 * A sweep whose values are whole objects, a list or named values: each point sets the whole
 * object (a keep-alive policy with its window), and each value is checked like any field, the
 * error named at its place in the sweep.
 */
import { describe, expect, it } from 'vitest';
import {
  assembleResults,
  type ExperimentHeader,
  headerOf,
  runExperiment,
} from '../../src/experiments/runExperiment.ts';
import { headerSchema } from '../../src/experiments/shardFileSchema.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { prepare } from './experimentHelpers.ts';

const base = {
  duration: '2h',
  replications: 1,
  platform: 'aws-lambda',
  platformOverrides: { keepAlive: '10min' },
  workload: { constant: { perSecond: 1 / 900 } },
};

const policies = {
  '10min': { keepAlive: '10min' },
  '2h': { keepAlive: '2h' },
  hybrid: { keepAlivePolicy: { policy: 'hybrid', range: '2h' } },
};

function refused(spec: Record<string, unknown>): SpecError {
  try {
    prepare({ ...base, ...spec });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('the experiment was accepted');
}

describe('a sweep of whole objects', () => {
  it('named values: each point gets its object, params, labels and the axis hold the names', () => {
    const prepared = prepare({ ...base, sweep: { platformOverrides: policies } });
    expect(prepared.points.map((p) => p.params.platformOverrides)).toEqual([
      '10min',
      '2h',
      'hybrid',
    ]);
    expect(prepared.points.map((p) => p.label)).toEqual([
      'platformOverrides=10min',
      'platformOverrides=2h',
      'platformOverrides=hybrid',
    ]);
    const platformOf = (i: number) =>
      [...prepared.points[i].resolved.functions.values()][0].platform;
    // The whole object replaces the base's: the hybrid point has no fixed window of 10 min left.
    expect(platformOf(0).keepAlivePolicy?.policy ?? 'fixed').toBe('fixed');
    expect(platformOf(1).keepAlive?.sample(() => 0.5)).toBe(7_200_000);
    expect(platformOf(2).keepAlivePolicy?.policy).toBe('hybrid');
    expect(platformOf(2).keepAlivePolicy).toMatchObject({ range: 7_200_000 });
    const results = runExperiment(prepared).results;
    expect(results.axes).toEqual([
      { path: 'platformOverrides', name: 'platformOverrides', values: ['10min', '2h', 'hybrid'] },
    ]);
    expect(results.points.map((p) => p.params.platformOverrides)).toEqual([
      '10min',
      '2h',
      'hybrid',
    ]);
  });

  it('a shard file carries the names, so that merged results show them too', () => {
    const prepared = prepare({ ...base, sweep: { platformOverrides: policies } });
    const header = JSON.parse(JSON.stringify(headerOf(prepared)));
    const parsed = headerSchema.parse(header, 'header');
    expect(parsed.axes[0].names).toEqual(['10min', '2h', 'hybrid']);
    expect(assembleResults(parsed as ExperimentHeader, [], false).axes[0].values).toEqual([
      '10min',
      '2h',
      'hybrid',
    ]);
  });

  it('a list of objects is accepted too, each value shown as JSON', () => {
    const prepared = prepare({ ...base, sweep: { platformOverrides: Object.values(policies) } });
    expect(prepared.points[2].params.platformOverrides).toBe(
      '{"keepAlivePolicy":{"policy":"hybrid","range":"2h"}}',
    );
  });

  it('a bad policy in a named value is named by the value, the field and the reason', () => {
    const e = refused({
      sweep: {
        platformOverrides: { ...policies, hybrid: { keepAlivePolicy: { policy: 'hybird' } } },
      },
    });
    expect(e.path).toBe('sweep["platformOverrides"]["hybrid"].keepAlivePolicy.policy');
    expect(e.reason).toContain('did you mean "hybrid"?');
  });

  it('a bad field in a listed object is named by its place', () => {
    const e = refused({
      sweep: {
        'platformOverrides.keepAlivePolicy': [
          { policy: 'fixed' },
          { policy: 'hybrid', headPercentile: 99, tailPercentile: 5 },
        ],
      },
    });
    expect(e.path).toBe('sweep["platformOverrides.keepAlivePolicy"][1].headPercentile');
    expect(e.reason).toContain('must be below tailPercentile');
  });

  it('refuses names that JSON would reorder, and an empty set of names', () => {
    const e = refused({ sweep: { platformOverrides: { '10': { keepAlive: '10min' } } } });
    expect(e.path).toBe('sweep.platformOverrides');
    expect(e.reason).toContain('not a whole number');
    const empty = refused({ sweep: { platformOverrides: {} } });
    expect(empty.path).toBe('sweep.platformOverrides');
    expect(empty.reason).toContain('at least 1');
  });
});
