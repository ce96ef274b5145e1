import { joinPath, SpecError } from './specError.ts';

/** Arrays and objects nested deeper than this are refused (no real file comes close). */
export const MAX_NESTING = 100;

/**
 * Refuses a document nested more than `max` levels deep, without recursion. The validators
 * recurse, so a hostile file (or a cyclic object from a JS caller) would otherwise overflow
 * the stack instead of getting a message.
 */
export function checkNesting(value: unknown, max = MAX_NESTING): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) {
      const shown = path.length > 60 ? `${path.slice(0, 60)}...` : path;
      throw new SpecError(shown, `nested more than ${max} levels deep`);
    }
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (const [k, x] of entries) {
      if (x !== null && typeof x === 'object')
        stack.push({ v: x, path: joinPath(path, k), depth: depth + 1 });
    }
  }
}
