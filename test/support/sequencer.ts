/**
 * The order vitest starts test files in: the longest first, so that the two workers of a
 * 2-core machine finish together instead of one running a long file alone at the end.
 *
 * Vitest orders files by the durations it measured on the last run (its cache in
 * node_modules/.vite/vitest/), and by file size when it has none, as in a clean clone in CI,
 * where the largest files are tables of hostile inputs that take a second and the longest
 * (the browser tests) started late. So the files measured as the longest go first, in this
 * order (durations of `npm test -- --reporter=json` on a 2-core machine, 2026-12-03 21:24 UTC);
 * the rest follow in vitest's own order. A file missing from here only starts later.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const LONGEST_FIRST = [
  'test/playground/playground.browser.test.ts',
  'test/node/render/tryNext.browser.test.ts',
  'test/hardening/fuzz.test.ts',
  'test/hardening/properties.test.ts',
  'test/experiments/shipped.test.ts',
  'test/node/render/sweepSizes.test.ts',
  'test/charts/charts.test.ts',
  'test/experiments/coverage.test.ts',
  'test/node/largeGraph.test.ts',
  'test/hardening/cli.test.ts',
  'test/node/render/report.browser.test.ts',
  'test/cli/output.test.ts',
  'test/cli/package.test.ts',
  'test/workload/client/callerProperties.test.ts',
  'test/workload/graph/fanOut.test.ts',
  'test/cli/run.test.ts',
  'test/cli/commands.test.ts',
  'test/cli/regionSplit.test.ts',
  'test/playground/buildPlayground.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(f.project.config.root, f.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}
