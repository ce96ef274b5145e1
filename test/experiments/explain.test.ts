import { describe, expect, it } from 'vitest';
import { explainPoint } from '../../src/experiments/explain.ts';
import type { PointResult, StageBreakdown } from '../../src/experiments/results.ts';
import { STAGES } from '../../src/platform/call.ts';
import { run } from './experimentHelpers.ts';

const UNIT_MS: Record<string, number> = { us: 1e-3, ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** A printed time ("547 ms", "1.23 s") in ms, with half a unit of its last digit: its rounding. */
function readMs(text: string): { ms: number; rounding: number } {
  const m = /^([\d.]+) (us|ms|s|min|h)$/.exec(text);
  if (!m) throw new Error(`not a printed time: ${text}`);
  const decimals = m[1].split('.')[1]?.length ?? 0;
  const unit = UNIT_MS[m[2]];
  return { ms: Number(m[1]) * unit, rounding: 0.5 * 10 ** -decimals * unit };
}

/** The sentence comparing the calls near the p99 with those near the median, with its times read. */
function gapSentence(text: string) {
  const m =
    /Calls near the p99 \((.+?) on average\) took (.+?) longer than calls near the median \((.+?) on average\); (.*)$/m.exec(
      text,
    );
  if (!m) throw new Error(`no comparison in:\n${text}`);
  return { p99: m[1], gap: m[2], p50: m[3], rest: m[4] };
}

/** The average a breakdown's heading prints ("At the median, calls of about that latency (X on average)"). */
function headingAverage(text: string, label: string): string | undefined {
  return new RegExp(`At the ${label}, calls of about that latency \\((.+?) on average\\)`).exec(
    text,
  )?.[1];
}

/** The difference the sentence prints is that of the two averages it names, to its printed digits. */
function expectGapAddsUp(text: string): ReturnType<typeof gapSentence> {
  const s = gapSentence(text);
  const gap = readMs(s.gap);
  const difference = readMs(s.p99).ms - readMs(s.p50).ms;
  expect(Math.abs(gap.ms - difference), text).toBeLessThanOrEqual(gap.rounding * (1 + 1e-9));
  // The averages are those the breakdowns above were headed with, not the percentiles.
  expect(s.p50).toBe(headingAverage(text, 'median'));
  expect(s.p99).toBe(headingAverage(text, 'p99'));
  return s;
}

describe('explain: the p99 against the median', () => {
  it('names a difference that is the difference of the two averages it names', () => {
    // A managed platform from a US user: the calls near the p99 are slower in several stages.
    const [p] = run({
      seed: 'explain-gap',
      duration: '60s',
      warmup: '10s',
      replications: 1,
      client: 'us-typical',
      platform: 'aws-lambda-2019',
      function: { execution: { lognormal: { p50: '5ms', p99: '40ms' } } },
      workload: { poisson: { perSecond: 20 } },
    });
    const text = explainPoint(p, 'us-typical');
    const s = expectGapAddsUp(text);
    expect(text).not.toMatch(/The p99 is .* slower than the median/);
    // The share is of the difference between the averages, for the stage that grew most.
    const b50 = p.breakdown.p50 as StageBreakdown;
    const b99 = p.breakdown.p99 as StageBreakdown;
    const grew = Math.max(...STAGES.map((k) => b99[k] - b50[k]));
    const share = (100 * grew) / (b99.latency - b50.latency);
    const printed = /^of that difference, ([\d.]+)% is time /.exec(s.rest);
    expect(printed, s.rest).not.toBeNull();
    expect(Number(printed?.[1])).toBeCloseTo(share, 1);
  });

  it('says so when one stage grew by more than the whole difference, with numbers that add up', () => {
    const [p] = run({
      seed: 'explain-more',
      duration: '20s',
      replications: 1,
      workload: { poisson: { perSecond: 20 } },
    });
    const zero = Object.fromEntries(STAGES.map((k) => [k, 0])) as StageBreakdown;
    // Code runs 30 ms longer near the p99 while the internet takes 1 ms less: 29 ms in all.
    const point: PointResult = {
      ...p,
      breakdown: {
        p50: { ...zero, execution: 10, internet: 5, latency: 15 },
        p99: { ...zero, execution: 40, internet: 4, latency: 44 },
      },
    };
    const text = explainPoint(point, 'inside');
    const s = expectGapAddsUp(text);
    expect(s.gap).toBe('29.0 ms');
    const m =
      /^time running function code grew by (.+?), more than the whole difference, as the rest took (.+?) less\.$/.exec(
        s.rest,
      );
    expect(m, s.rest).not.toBeNull();
    const grew = readMs(m?.[1] ?? '');
    const less = readMs(m?.[2] ?? '');
    expect(grew.ms - less.ms).toBeCloseTo(readMs(s.gap).ms, 6);
    expect(text).not.toMatch(/\d{3,}\.\d%/);
  });
});
