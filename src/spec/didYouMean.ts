/**
 * Edit distance with adjacent transpositions counted as one edit (the
 * "optimal string alignment" variant of Damerau-Levenshtein), because the
 * typos people make in config keys are mostly swapped or doubled letters:
 * "kaepAlive", "sigam", "lognormall".
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row[j] = d;
    }
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length];
}

// Short words are all close to each other ("s" is one edit from "h"), so the
// tolerance grows with the length of what was typed.
function tolerance(input: string): number {
  if (input.length <= 1) return 0;
  if (input.length <= 4) return 1;
  return 2;
}

/**
 * The candidate the user most likely meant, or undefined when none is close.
 * Case is ignored for closeness ("keepalive" suggests "keepAlive"); among
 * equally close candidates the first one wins, so list them in the order
 * you would like them suggested.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = tolerance(input);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d <= limit && d < bestDistance && d < candidate.length) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` when a candidate is close, otherwise "". */
export function suggestion(input: string, candidates: Iterable<string>): string {
  const best = didYouMean(input, candidates);
  return best === undefined ? '' : `; did you mean ${JSON.stringify(best)}?`;
}
