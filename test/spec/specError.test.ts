import { describe, expect, it } from 'vitest';
import { joinPath, SpecError, withFile } from '../../src/spec/specError.ts';

describe('SpecError', () => {
  it('formats file, path and reason, leaving out the absent parts', () => {
    expect(new SpecError('a.b', 'must be a number', 'models/x.json').message).toBe(
      'models/x.json: a.b: must be a number',
    );
    expect(new SpecError('a.b', 'must be a number').message).toBe('a.b: must be a number');
    expect(new SpecError('', 'must be an object', 'x.json').message).toBe(
      'x.json: must be an object',
    );
    expect(new SpecError('', 'must be an object').message).toBe('must be an object');
  });

  it('keeps its parts as fields and is an Error', () => {
    const err = new SpecError('sweep.depth[2]', 'must be >= 1 (got 0)');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SpecError');
    expect(err.path).toBe('sweep.depth[2]');
    expect(err.reason).toBe('must be >= 1 (got 0)');
    expect(err.file).toBeUndefined();
  });

  it('withFile returns an annotated copy and leaves other errors alone', () => {
    const err = new SpecError('platform.keepAlive', 'must not be negative (got -3)');
    const annotated = withFile(err, 'models/aws.json');
    expect(annotated).not.toBe(err);
    expect(annotated.file).toBe('models/aws.json');
    expect(annotated.path).toBe(err.path);
    expect(annotated.message).toBe(
      'models/aws.json: platform.keepAlive: must not be negative (got -3)',
    );
    expect(err.file).toBeUndefined();
    const other = new TypeError('boom');
    expect(withFile(other, 'x.json')).toBe(other);
  });
});

describe('joinPath', () => {
  it.each([
    ['', ['platform'], 'platform'],
    ['platform', ['coldStart', 'lognormal', 'p99'], 'platform.coldStart.lognormal.p99'],
    ['sweep', ['depth', 2], 'sweep.depth[2]'],
    ['', [0], '[0]'],
    ['x', [1, 0], 'x[1][0]'],
    ['x', ['p99.9'], 'x["p99.9"]'],
    ['', ['my func'], '["my func"]'],
    ['functions', ['resize-image'], 'functions.resize-image'],
    ['a', [], 'a'],
  ] as const)('joinPath(%j, %j) is %j', (path, segments, expected) => {
    expect(joinPath(path, ...segments)).toBe(expected);
  });
});
