import { CHART_NAMES, chartOptions } from '../charts/chartsFor.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { InputError } from '../node/inputError.ts';
import { suggestion } from '../spec/didYouMean.ts';

/**
 * Checks an experiment's `charts` before anything runs, so that a misspelt
 * chart or option fails at once rather than after a long simulation.
 */
export function checkCharts(prepared: PreparedExperiment): void {
  const charts = prepared.spec.charts;
  if (!charts) return;
  charts.forEach((c, i) => {
    const name = typeof c === 'string' ? c : c.name;
    if (!(CHART_NAMES as readonly string[]).includes(name)) {
      throw new InputError(
        `${prepared.file}: charts[${i}]: unknown chart "${name}"${suggestion(name, CHART_NAMES)} (charts: ${CHART_NAMES.join(', ')})`,
      );
    }
  });
  try {
    chartOptions({ charts });
  } catch (e) {
    throw new InputError(`${prepared.file}: charts: ${(e as Error).message}`);
  }
}
