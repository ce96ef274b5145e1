import { describe, expect, it } from 'vitest';
import { TimeSeries } from '../../src/metrics/timeSeries.ts';

describe('TimeSeries', () => {
  it('averages a level over time and keeps its maximum, per window', () => {
    const ts = new TimeSeries(10);
    // Level: 2 on [0, 5), 4 on [5, 15), 1 on [15, 30), 0 from 30 on.
    ts.observe(0, 2);
    ts.observe(5, 4);
    ts.observe(15, 1);
    ts.observe(30, 0);
    const json = ts.toJSON(40);
    expect(json.windows).toBe(4);
    expect(json.endMs).toBe(40);
    expect(json.gauges.level.mean).toEqual([3, 2.5, 1, 0]);
    expect(json.gauges.level.max).toEqual([4, 4, 1, 0]);
  });

  it('averages the last, partial window over the time it covers', () => {
    const ts = new TimeSeries(10);
    ts.observe(12, 6);
    ts.observe(14, 2);
    const json = ts.toJSON(16);
    expect(json.windows).toBe(2);
    // Window 1 covers [10, 16): 0 for 2 ms, 6 for 2 ms, 2 for 2 ms.
    expect(json.gauges.level.mean).toEqual([0, (6 * 2 + 2 * 2) / 6]);
    expect(json.gauges.level.max).toEqual([0, 6]);
  });

  it('counts events per window, with named gauges alongside', () => {
    const ts = new TimeSeries(100);
    ts.add(3, 'arrivals');
    ts.add(120, 'arrivals', 2);
    ts.add(399.5, 'arrivals');
    ts.add(150, 'coldStarts');
    ts.observe(50, 3, 'busy');
    const json = ts.toJSON();
    expect(json.windows).toBe(4);
    expect(json.counts).toEqual({ arrivals: [1, 2, 0, 1], coldStarts: [0, 1, 0, 0] });
    expect(Object.keys(json.gauges)).toEqual(['busy']);
    expect(json.gauges.busy.mean[0]).toBeCloseTo(1.5, 12);
    expect(json.gauges.busy.mean.slice(1)).toEqual([3, 3, 3]);
  });

  it('counts a level reached for no time in the max, not in the mean', () => {
    const ts = new TimeSeries(10);
    ts.observe(0, 1);
    ts.observe(4, 9);
    ts.observe(4, 1);
    const json = ts.toJSON(10);
    expect(json.gauges.level.mean).toEqual([1]);
    expect(json.gauges.level.max).toEqual([9]);
  });

  it('grows past its initial size and does not change when serialised', () => {
    const ts = new TimeSeries(1);
    ts.observe(0, 5);
    for (let t = 0; t < 1000; t++) ts.add(t + 0.5, 'ticks');
    const a = ts.toJSON(1000);
    expect(a.windows).toBe(1000);
    expect(a.gauges.level.mean.every((m) => m === 5)).toBe(true);
    expect(a.counts.ticks.every((c) => c === 1)).toBe(true);
    expect(ts.toJSON(1000)).toEqual(a);
    ts.observe(1000, 7);
    expect(ts.toJSON(1001).gauges.level.mean.at(-1)).toBe(7);
  });

  it('rejects time going backwards for a gauge, and bad times', () => {
    const ts = new TimeSeries(10);
    ts.observe(20, 1);
    expect(() => ts.observe(19, 2)).toThrow(RangeError);
    expect(() => ts.add(-1, 'x')).toThrow(RangeError);
    expect(() => new TimeSeries(0)).toThrow(RangeError);
  });
});
