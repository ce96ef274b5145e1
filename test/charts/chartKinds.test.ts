/**
 * The registry of chart kinds (src/charts/chartKinds.ts): one kind per chart an experiment file
 * may name, and every kind skips results it cannot support rather than drawing them empty.
 */
import { describe, expect, it } from 'vitest';
import { CHART_KINDS, chartKind } from '../../src/charts/chartKinds.ts';
import { chartsFor } from '../../src/charts/chartsFor.ts';
import { CHART_NAMES } from '../../src/experiments/chartsSpec.ts';
import { chainDepthSweep } from './fixtures.ts';

describe('chart kinds', () => {
  it('has one kind per chart name, found by its name', () => {
    const names = CHART_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) expect(chartKind(name).name).toBe(name);
  });

  it('each kind says why results with no point cannot be drawn, and none is drawn', () => {
    const empty = { ...chainDepthSweep(), points: [] };
    for (const kind of CHART_KINDS) {
      expect(kind.undrawable(empty), kind.name).toMatch(/\w/);
    }
    expect(chartsFor(empty, { charts: CHART_NAMES })).toEqual([]);
  });
});
