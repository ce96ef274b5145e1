import { joinPath, SpecError } from './specError.ts';

/** Arrays and objects nested deeper than this are refused (no real file comes close). */
export const MAX_NESTING = 100;

/**
 * Refuses a document nested more than `max` levels deep, without recursion. The validators
 * recurse, so a hostile file (or a cyclic object from a JS caller) would otherwise overflow
 * the stack instead of getting a message.
 */
export function checkNesting(value: unknown, max = MAX_NESTING): void {
  // Each node keeps its parent and key, and the path is spelled out only for the message:
  // results and shard files hold millions of small arrays, and a path string for each cost
  // more than the walk.
  interface Node {
    v: object;
    parent: Node | null;
    key: string | number;
    depth: number;
  }
  if (value === null || typeof value !== 'object') return;
  const stack: Node[] = [{ v: value, parent: null, key: '', depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { v, depth } = node;
    if (depth >= max) {
      const keys: (string | number)[] = [];
      for (let n: Node | null = node; n?.parent; n = n.parent) keys.push(n.key);
      const path = joinPath('', ...keys.reverse());
      const shown = path.length > 60 ? `${path.slice(0, 60)}...` : path;
      throw new SpecError(shown, `nested more than ${max} levels deep`);
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === 'object') {
          stack.push({ v: x, parent: node, key: i, depth: depth + 1 });
        }
      }
    } else {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') {
          stack.push({ v: x, parent: node, key: k, depth: depth + 1 });
        }
      }
    }
  }
}
