/** Errors that a sweep causes are blamed on the sweep, and only those. */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/spec/specError.ts';
import { prepare } from './experimentHelpers.ts';

function refused(spec: Record<string, unknown>): SpecError {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, ...spec });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('the experiment was accepted');
}

describe('sweep errors', () => {
  it('names the axis whose path is not in the experiment, and suggests the one meant', () => {
    const e = refused({ graph: { fanOut: { width: 1 } }, sweep: { 'fanOut.width': [1, 2] } });
    expect(e.path).toBe('sweep["fanOut.width"]');
    expect(e.reason).toContain('an experiment has no field "fanOut"');
    expect(e.reason).toContain('did you mean "graph.fanOut.width"?');
    expect(e.message).not.toContain('at sweep point');
  });

  it('a path inside a field that does not exist there', () => {
    const e = refused({ graph: { chain: { depth: 1 } }, sweep: { 'graph.chain.width': [1, 2] } });
    expect(e.path).toBe('sweep["graph.chain.width"]');
    expect(e.reason).toContain('"graph.chain" has no field "width"');
  });

  it('does not blame the sweep for a field that is wrong whatever the sweep', () => {
    const e = refused({
      platform: 'aws-lambda-2091',
      graph: { chain: { depth: 1 } },
      sweep: { 'graph.chain.depth': [1, 2] },
    });
    expect(e.path).toBe('platform');
    expect(e.message).not.toContain('at sweep point');
  });

  it('blames the value of a swept field on its place in the sweep', () => {
    const e = refused({
      graph: { chain: { depth: 1 } },
      sweep: { platform: ['aws-lambda-2019', 'aws-lambda-2091'] },
    });
    expect(e.path).toBe('sweep["platform"][1]');
  });
});
