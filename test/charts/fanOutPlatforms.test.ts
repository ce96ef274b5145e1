/** Fan-out with two platforms: each is slow by its own threshold, with its own curve, and no point vanishes. */
import { describe, expect, it } from 'vitest';
import { fanOutModel, fanOutSlowShare } from '../../src/charts/fanOutSlowShare.ts';
import { fanOutBimodal, onTwoPlatforms } from './fixtures.ts';

interface Layer {
  data: { values: { n: number; share: number; series: string }[] };
}

describe('fanOutSlowShare on two platforms', () => {
  const results = onTwoPlatforms(fanOutBimodal());

  it('gives each platform its own threshold and p', () => {
    const model = fanOutModel(results);
    expect(model.series.map((s) => s.name)).toEqual(['a', 'b']);
    const [a, b] = model.series;
    // Platform b is 1.3x slower everywhere: its threshold is too, not a's.
    expect(a.thresholdMs).not.toBeNull();
    expect(b.thresholdMs as number).toBeGreaterThan(a.thresholdMs as number);
    expect(b.p).not.toBeNull();
  });

  it('draws a curve per platform and every point, or names those it cannot draw', () => {
    const spec = fanOutSlowShare(results) as { layer: Layer[]; title: { subtitle: string[] } };
    const [curve, points] = spec.layer;
    expect(new Set(curve.data.values.map((r) => r.series))).toEqual(new Set(['a', 'b']));
    const drawn = points.data.values.length;
    const notes = spec.title.subtitle.join(' ');
    const missing = results.points.length - drawn;
    if (missing > 0) expect(notes).toMatch(/not drawn: /);
    else expect(drawn).toBe(results.points.length);
    expect(notes).toContain('Thresholds: a ');
  });
});
