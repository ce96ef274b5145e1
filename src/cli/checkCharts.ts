import { CHART_NAMES, chartOptionsOf } from '../experiments/chartsSpec.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { InputError } from '../node/inputError.ts';
import { suggestion } from '../spec/didYouMean.ts';
import { SpecError } from '../spec/specError.ts';

/**
 * Checks an experiment's `charts` before anything runs, so that a misspelt
 * chart or option fails at once rather than after a long simulation. With the names and the
 * options' schema (experiments/chartsSpec.ts), not the charts: `coldtail validate` then loads
 * none of the chart code.
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
    chartOptionsOf(charts);
  } catch (e) {
    if (e instanceof SpecError) throw new InputError(`${prepared.file}: charts: ${e.message}`);
    throw e;
  }
}
