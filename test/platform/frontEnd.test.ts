import { describe, expect, it } from 'vitest';
import { platformModel, prepare } from '../experiments/experimentHelpers.ts';

/** The platform's own overhead is the stage `frontEnd`; model files may still call it `scheduler`. */
describe('the front end stage', () => {
  const frontEndOf = (spec: Record<string, unknown>) =>
    prepare({ duration: '1s', workload: { constant: { perSecond: 1 } }, ...spec }).points[0]
      .resolved.functions[0].platform.frontEnd;

  it('reads the old name, scheduler, as frontEnd', () => {
    expect(frontEndOf({ platform: platformModel({ scheduler: '7ms' }) }).mean).toBe(7);
    expect(frontEndOf({ platform: platformModel({ frontEnd: '7ms' }) }).mean).toBe(7);
    expect(frontEndOf({ platform: platformModel() }).mean).toBe(0);
  });

  it('refuses a model that gives both names', () => {
    expect(() =>
      prepare({
        duration: '1s',
        workload: { constant: { perSecond: 1 } },
        platform: platformModel({ scheduler: '7ms', frontEnd: '7ms' }),
      }),
    ).toThrow(/scheduler: is the old name of frontEnd: give one of them, not both/);
  });

  it('lets an override by either name replace a preset front end', () => {
    for (const key of ['frontEnd', 'scheduler']) {
      const fe = frontEndOf({ platform: 'aws-lambda-2019', platformOverrides: { [key]: '3ms' } });
      expect(fe.mean, key).toBe(3);
    }
  });
});
