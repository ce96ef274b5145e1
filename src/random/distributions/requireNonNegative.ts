import { requireFinite } from './requireFinite.ts';

/** Rejects anything but a finite number >= 0, naming the parameter. */
export function requireNonNegative(kind: string, name: string, value: number): void {
  requireFinite(kind, name, value);
  if (!(value >= 0)) throw new RangeError(`${kind}: ${name} must be >= 0 (got ${value})`);
}
