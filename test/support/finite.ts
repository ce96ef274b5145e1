/**
 * The numbers in a value (results, a point) that are not finite, by path: the tests check that
 * the list is empty with one expect, rather than one expect per number (vitest's bookkeeping
 * per expect was 3-4 s of CPU in each property or fuzz test that walked whole results).
 */
export function nonFinite(value: unknown, root: string): string[] {
  const bad: string[] = [];
  // The path is built only for a number that is not finite (most are).
  const trail: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        const path = trail.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
        bad.push(`${root}${path} is ${v}`);
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        trail.push(i);
        walk(v[i]);
        trail.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        trail.push(k);
        walk(x);
        trail.pop();
      }
    }
  };
  walk(value);
  return bad;
}
