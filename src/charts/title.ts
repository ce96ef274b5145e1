import type { ExperimentResults } from '../experiments/results.ts';

/**
 * Characters per line of a chart's title (15 px bold) and subtitle (12 px):
 * about the width of a 560 px plot with its axes and legend. Vega does not
 * wrap titles, and a title wider than the chart widens the whole picture, so
 * that the plot shrinks when the report fits it to the page.
 */
const TITLE_CHARS = 72;
const SUBTITLE_CHARS = 96;

/**
 * A chart's title block: a title that says what the chart shows (its first
 * line), and a subtitle with the rest (how to read it, and any note such as
 * the points left out), both wrapped to the chart's width. The experiment's
 * question is not repeated here: the report prints it above the charts, and
 * a chart titled by a question ("where does the time go?") does not say
 * what its lines are. Interrupted runs say so, so that a partial picture is
 * not read as the whole.
 */
export function chartTitle(
  results: ExperimentResults,
  lines: string | readonly string[],
  notes: readonly string[] = [],
) {
  const [first, ...rest] = typeof lines === 'string' ? [lines] : [...lines];
  const sub = [...rest, ...notes.map(capitalise)];
  if (results.partial) sub.push('Interrupted run: only the completed points are shown.');
  const text = wrap(first ?? (results.experiment.title || results.experiment.name), TITLE_CHARS);
  return {
    text: text.length === 1 ? text[0] : text,
    subtitle: sub.flatMap((l) => wrap(l, SUBTITLE_CHARS)),
  };
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Words into lines of at most `max` characters (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
