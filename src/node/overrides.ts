/** Applies top-level overrides (--seed, --replications) to a parsed experiment file, before validation. */
export function applyOverrides(
  raw: unknown,
  overrides: Record<string, unknown> | undefined,
): unknown {
  if (!overrides || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return { ...(raw as Record<string, unknown>), ...overrides };
}
