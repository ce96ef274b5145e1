/** Rejects NaN and infinities with the RangeError every constructor uses. */
export function requireFinite(kind: string, name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${kind}: ${name} must be finite (got ${value})`);
  }
}
