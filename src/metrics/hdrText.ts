import { log } from '../special/log.ts';
import { type Histogram, OCTAVES, SUB_BUCKETS } from './histogram.ts';

export interface HdrTextOptions {
  /** Values are divided by this before printing (HdrHistogram's outputValueUnitScalingRatio). */
  unitRatio?: number;
  /** Percentile ticks per half distance to 100%; HdrHistogram's default is 5. */
  ticksPerHalfDistance?: number;
}

/**
 * The "percentile distribution" text of HdrHistogram's outputPercentileDistribution, column for
 * column, so that HdrHistogram's plotter and the tools around it read our output:
 *
 * ```
 *        Value     Percentile TotalCount 1/(1-Percentile)
 *
 *        1.234 0.000000000000          1           1.00
 *        ...
 * #[Mean    =       12.345, StdDeviation   =        6.789]
 * #[Max     =      123.456, Total count    =        10000]
 * #[Buckets =           40, SubBuckets     =         2048]
 * ```
 *
 * The percentile levels step as in HdrHistogram's PercentileIterator: 5 equal ticks per half of
 * the remaining distance to 100% (0, 10, 20, 30, 40, 50, 55, 60, ..., 75, 77.5, ...), then a last
 * line at 100%. One difference: the value printed for a bucket is the one `quantile` reports (the
 * bucket midpoint clamped to the exact min and max) rather than the bucket's highest equivalent
 * value, so that this file and the JSON summaries agree, and the 100% line is the exact max.
 */
export function toHdrText(h: Histogram, options: HdrTextOptions = {}): string {
  const ratio = options.unitRatio ?? 1;
  const ticksPerHalf = options.ticksPerHalfDistance ?? 5;
  if (!(ratio > 0)) throw new RangeError(`toHdrText: unitRatio must be positive, got ${ratio}`);
  if (!(Number.isInteger(ticksPerHalf) && ticksPerHalf >= 1)) {
    throw new RangeError(`toHdrText: ticksPerHalfDistance must be a positive integer`);
  }
  const lines: string[] = [];
  lines.push(
    `${pad('Value', 12)} ${pad('Percentile', 14)} ${pad('TotalCount', 10)} ${pad('1/(1-Percentile)', 14)}`,
    '',
  );

  const total = h.count;
  if (total > 0) {
    const values: number[] = [];
    const counts: number[] = [];
    h.forEachBucket((value, count) => {
      values.push(value);
      counts.push(count);
    });
    // A transcription of PercentileIterator over the non-empty buckets (empty ones never report).
    let level = 0;
    let cumulative = 0;
    for (let i = 0; i < values.length; i++) {
      cumulative += counts[i];
      const reached = (100 * cumulative) / total;
      while (reached >= level) {
        lines.push(row(values[i] / ratio, level, cumulative));
        // The iterator stops after the bucket that completes the count, whatever the level.
        if (cumulative === total) break;
        // Tick size for the current half distance: 100 / (ticks * 2^(floor(log2(1/(1-level)))+1)).
        const halvings = Math.floor(log(100 / (100 - level)) / Math.LN2) + 1;
        level += 100 / (ticksPerHalf * 2 ** halvings);
      }
    }
    lines.push(lastRow(h.max / ratio, total));
  }

  const mean = total > 0 ? h.mean / ratio : 0;
  const sd = total > 0 ? h.stdDev / ratio : 0;
  const max = total > 0 ? h.max / ratio : 0;
  lines.push(
    `#[Mean    = ${fixed(mean, 3, 12)}, StdDeviation   = ${fixed(sd, 3, 12)}]`,
    `#[Max     = ${fixed(max, 3, 12)}, Total count    = ${pad(String(total), 12)}]`,
    `#[Buckets = ${pad(String(OCTAVES), 12)}, SubBuckets     = ${pad(String(SUB_BUCKETS), 12)}]`,
  );
  return `${lines.join('\n')}\n`;
}

// "%12.3f %2.12f %10d %14.2f"
function row(value: number, level: number, cumulative: number): string {
  const p = level / 100;
  return `${fixed(value, 3, 12)} ${p.toFixed(12)} ${pad(String(cumulative), 10)} ${fixed(1 / (1 - p), 2, 14)}`;
}

// "%12.3f %2.12f %10d": the 100% line has no 1/(1-Percentile), which would be infinite.
function lastRow(value: number, cumulative: number): string {
  return `${fixed(value, 3, 12)} ${(1).toFixed(12)} ${pad(String(cumulative), 10)}`;
}

function fixed(x: number, digits: number, width: number): string {
  return pad(x.toFixed(digits), width);
}

function pad(s: string, width: number): string {
  return s.padStart(width);
}
