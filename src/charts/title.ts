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
 * A chart's title block: the experiment's own title, and a subtitle that says
 * what the chart shows, both wrapped to the chart's width. Interrupted runs
 * say so, so that a partial picture is not read as the whole.
 */
export function chartTitle(results: ExperimentResults, subtitle: string | string[]) {
  const lines = Array.isArray(subtitle) ? [...subtitle] : [subtitle];
  if (results.partial) lines.push('Interrupted run: only the completed points are shown.');
  const text = wrap(results.experiment.title || results.experiment.name, TITLE_CHARS);
  return {
    text: text.length === 1 ? text[0] : text,
    subtitle: lines.flatMap((l) => wrap(l, SUBTITLE_CHARS)),
  };
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
