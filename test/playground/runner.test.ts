import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import type { ReplicationData } from '../../src/experiments/recorder.ts';
import { headerOf, runExperiment, runUnit, unitsOf } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { experimentOf } from '../../src/playground/experiment.ts';
import { firstReplications } from '../../src/playground/runner.ts';
import { DEFAULT_STATE } from '../../src/playground/state.ts';

const models = presetRegistry();

describe('progressive results', () => {
  it('after k rounds are exactly the results of the experiment run with k replications', () => {
    const state = {
      ...DEFAULT_STATE,
      depth: 3,
      duration: 2,
      replications: 3,
      compare: 'azure-functions',
    };
    const prepared = prepareExperiment(experimentOf(state), { models });
    const header = headerOf(prepared);
    const data = new Map<number, ReplicationData>();
    for (const unit of unitsOf(header)) data.set(unit.id, runUnit(prepared, unit));
    for (const k of [1, 2, 3]) {
      const fewer = prepareExperiment(experimentOf({ ...state, replications: k }), { models });
      expect(JSON.stringify(firstReplications(header, data, k).results)).toBe(
        JSON.stringify(runExperiment(fewer).results),
      );
    }
  });
});
