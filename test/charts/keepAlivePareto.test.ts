import { describe, expect, it } from 'vitest';
import { chartsFor, undrawable } from '../../src/charts/chartsFor.ts';
import { keepAlivePareto } from '../../src/charts/keepAlivePareto.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const results = () =>
  runExperiment(
    prepareExperiment(
      {
        name: 'pareto',
        description: 'a call every 15 minutes under fixed and hybrid keep-alives',
        replications: 1,
        duration: '20h',
        warmup: '4h',
        platform: 'aws-lambda',
        platformOverrides: { keepAlivePolicy: { policy: 'fixed' } },
        workload: { constant: { perSecond: 1 / 900 } },
        sweep: {
          'platformOverrides.keepAlivePolicy.policy': ['fixed', 'hybrid'],
          'platformOverrides.keepAlive': ['5min', '30min', '1h'],
        },
        charts: ['keepAlivePareto'],
      },
      { models: presetRegistry() },
    ),
  ).results;

type Row = { share: number; wasted: number; series: string; label: string };

describe('keepAlivePareto', () => {
  const r = results();
  const rows = (keepAlivePareto(r) as unknown as { data: { values: Row[] } }).data.values;

  it('puts each setting at (cold-start share, idle GB-s per request), merging settings that made no difference', () => {
    const fixed = rows.filter((x) => x.series === 'fixed');
    const hybrid = rows.filter((x) => x.series === 'hybrid');
    // 5 min: every call cold; 30 min and 1 h: none cold, idle the whole 15 min (0.125 GB).
    expect(fixed.map((x) => [x.label, x.share])).toEqual([
      ['5min', 1],
      ['30min to 1h', 0],
    ]);
    expect(fixed[1].wasted).toBeGreaterThan(0.125 * 899);
    expect(fixed[1].wasted).toBeLessThan(0.125 * 900);
    // The hybrid policy ignores the fixed window: one point, warm, with far less idle memory.
    expect(hybrid).toHaveLength(1);
    expect(hybrid[0].share).toBe(0);
    expect(hybrid[0].wasted).toBeLessThan(fixed[1].wasted / 4);
    expect(rows.every((x) => Number.isFinite(x.wasted) && Number.isFinite(x.share))).toBe(true);
  });

  it('is drawn when asked for, and refused for results without idle memory', () => {
    expect(chartsFor(r, { charts: ['keepAlivePareto'] }).map((c) => c.name)).toEqual([
      'keepAlivePareto',
    ]);
    const old = structuredClone(r);
    for (const p of old.points) delete p.cost.idleGbSeconds;
    expect(undrawable(old, 'keepAlivePareto')).toMatch(/no idle memory time/);
  });
});
