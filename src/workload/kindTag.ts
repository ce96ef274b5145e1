/**
 * Tags a parsed kind with its name: {"poisson": {"perSecond": 5}} parses to
 * {kind: "poisson", perSecond: 5}, so the rest of the code switches on `kind`.
 */
export const tag =
  <K extends string>(kind: K) =>
  <T extends object>(v: T) => ({ kind, ...v });
