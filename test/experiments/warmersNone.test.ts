/** "none" as a warmer period: one sweep compares with and without warmers. */
import { describe, expect, it } from 'vitest';
import { keepAliveCost } from '../../src/charts/keepAliveCost.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { warmersSweep } from '../charts/fixtures.ts';
import { prepare } from './experimentHelpers.ts';

const base = {
  duration: '1h',
  workload: { poisson: { perSecond: 0.01 } },
  warmers: { period: '5min' },
  sweep: { 'warmers.period': ['none', '5min'] },
};

describe('warmers.period "none"', () => {
  it('switches the warmers off at that point only', () => {
    const prepared = prepare(base);
    expect(prepared.points.map((p) => p.resolved.warmers?.period ?? null)).toEqual([null, 300_000]);
  });

  it('is the only word a period accepts', () => {
    expect(() => prepare({ ...base, sweep: { 'warmers.period': ['never'] } })).toThrow(SpecError);
  });

  it('is drawn as a labelled level, not as a point on the period axis', () => {
    const r = warmersSweep();
    const none = structuredClone(r.points[5]);
    none.index = r.points.length;
    none.params = { 'warmers.period': 'none' };
    none.cold.share = { value: 0.3, low: 0.28, high: 0.32 };
    none.warmers = null;
    r.points.push(none);
    r.axes[0].values = [...r.axes[0].values, 'none'];
    delete r.axes[0].ms;
    const json = JSON.stringify(keepAliveCost(r));
    expect(json).toContain('no warmers: 30% of requests cold');
    // Six periods on the axis, and none of them is "none".
    const spec = JSON.parse(json) as { data: { values: { x: number }[] } };
    expect(spec.data.values.map((v) => v.x)).toEqual([
      120_000, 300_000, 540_000, 660_000, 1_200_000, 3_600_000,
    ]);
  });
});
