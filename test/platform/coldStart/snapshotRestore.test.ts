import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/random/distributions/constant.ts';
import { barePlatform, testWorld } from '../../support/platformWorld.ts';

describe('snapshot restore', () => {
  const platform = (snapshot?: boolean) =>
    barePlatform({
      keepAlive: constant(1),
      coldStart: [constant(100), constant(3000), constant(700)],
      coldStartCpuBound: [false, true, true],
      ...(snapshot
        ? {
            snapshot: {
              restore: constant(200),
              firstRestores: { count: 2, restore: constant(500) },
            },
          }
        : {}),
    });
  const coldStarts = (snapshot?: boolean) => {
    const w = testWorld(platform(snapshot), constant(1));
    for (let i = 0; i < 4; i++) w.callAt(i * 10_000);
    w.sim.run();
    return w.ended.map((c) => c.coldStart);
  };

  it('replaces the init phases by the restore; the first restores, from a cold cache, are slower', () => {
    expect(coldStarts(false)).toEqual([3800, 3800, 3800, 3800]);
    expect(coldStarts(true)).toEqual([600, 600, 300, 300]);
  });
});
