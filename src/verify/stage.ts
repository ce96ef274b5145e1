import type { ReplicationData } from '../experiments/recorder.ts';
import type { Histogram } from '../metrics/histogram.ts';
import { STAGES, type Stage } from '../platform/call.ts';

/** One stage's histogram (time along the critical path of each completed root call). */
export function stageOf(data: ReplicationData, stage: Stage): Histogram {
  return data.stages[STAGES.indexOf(stage)];
}
