import { explainPoint } from '../experiments/explain.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { runExperimentAsync } from '../experiments/runExperiment.ts';
import { InputError } from './inputError.ts';
import { reportInterrupted } from './interrupt.ts';
import type { Io } from './io.ts';
import { loadExperiment } from './loadExperiment.ts';
import { applyOverrides } from './overrides.ts';

export interface ExplainRequest {
  file: string;
  point: number;
  models?: string[];
  maxPoints?: number;
  overrides?: Record<string, unknown>;
}

/**
 * `coldtail explain`: runs one sweep point on this thread (checked first by `check`, the
 * work guard) and prints where its time goes. Returns the exit code; bad input throws.
 */
export async function explainOne(
  req: ExplainRequest,
  io: Io,
  check: (one: PreparedExperiment) => void = () => {},
): Promise<number> {
  const prepared = loadExperiment(req.file, {
    models: req.models,
    maxPoints: req.maxPoints,
    transform: (raw) => applyOverrides(raw, req.overrides),
  });
  const n = prepared.points.length;
  if (req.point >= n) {
    throw new InputError(
      `--point: the experiment has ${n} point${n === 1 ? '' : 's'} (0 to ${n - 1}); got ${req.point}`,
    );
  }
  const one = { ...prepared, points: [prepared.points[req.point]] };
  check(one);
  let lastTurn = performance.now();
  const { results } = await runExperimentAsync(one, {
    shouldStop: io.interrupts.requested,
    // A turn of the event loop by wall time, so that Ctrl-C is seen.
    pause: async () => {
      if (performance.now() - lastTurn < 50) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastTurn = performance.now();
    },
  });
  if (results.partial) return reportInterrupted(io.stderr, '; nothing to explain');
  io.stdout.write(`${explainPoint(results.points[0], one.points[0].resolved.client.name)}\n`);
  return 0;
}
