/**
 * Links from the report into the playground (output/playground/index.html),
 * which reads an experiment and its settings from URL parameters. The report
 * links only when the run says the playground was built; otherwise it names
 * the settings in words.
 */

/** One thing to try next: words for the reader, and the settings the playground takes. */
export interface TryNext {
  /** What to try, in words: "a keep-alive of 30 minutes". */
  words: string;
  /** The experiment to start from (its name). */
  experiment: string;
  /** Field paths of the experiment and the values to give them. */
  settings: Readonly<Record<string, string | number | boolean>>;
}

/** Where the playground lives, relative to output/report.html. */
export const PLAYGROUND_PATH = 'playground/index.html';

/**
 * The playground URL for a TryNext: `playground/index.html?experiment=NAME`
 * and one parameter per setting, keys and values URL-encoded, in the order
 * given (so that the same settings always give the same link).
 */
export function playgroundLink(next: TryNext, base: string = PLAYGROUND_PATH): string {
  const params = new URLSearchParams();
  params.set('experiment', next.experiment);
  for (const [path, value] of Object.entries(next.settings)) params.set(path, String(value));
  return `${base}?${params.toString()}`;
}
