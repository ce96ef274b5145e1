import { duration } from '../../spec/duration.ts';
import { type Infer, object, optional } from '../../spec/schema.ts';

/**
 * What the caller of a root call does about the tail: how long it waits for an answer.
 * Plain data from the experiment file (`caller`); durations in ms once parsed.
 */
export const callerSchema = object({
  timeout: optional(duration({ allowZero: false })).describe(
    'The caller gives up on an attempt after this long; the call may still run, and is billed',
  ),
}).describe("The caller's policy for root calls: a timeout");

export type CallerSpec = Infer<typeof callerSchema>;

/** The policy a caller follows, resolved: Infinity where it never gives up. */
export interface CallerPolicy {
  timeout: number;
}

export function toCallerPolicy(spec: CallerSpec): CallerPolicy {
  return { timeout: spec.timeout ?? Number.POSITIVE_INFINITY };
}
