import type { ClientConfig } from '../platform/config.ts';
import { fromSpec } from '../random/fromSpec.ts';
import { duration } from '../spec/duration.ts';
import { type Infer, literal, number, object, optional, string } from '../spec/schema.ts';
import { latencySchema, NAME, SOURCES } from './common.ts';

/** A client profile file (`models/clients/*.json`): where calls come from. */
export const clientModelSchema = object({
  $schema: optional(string()),
  kind: literal('client'),
  name: NAME,
  description: string({ minLength: 1 }),
  source: SOURCES,
  internet: optional(latencySchema).describe(
    'The internet hop to the cloud, one way, sampled per direction. Absent: the caller is inside the cloud.',
  ),
  loss: optional(
    object({
      // Below 1: if every send were lost, no call would ever arrive.
      probability: number({ min: 0, exclusiveMax: 1 }).describe(
        'Chance that a send is lost and must be retransmitted (below 1).',
      ),
      retransmitTimeout: duration({ allowZero: false }).describe(
        'Wait before the first retransmission; it doubles for each further loss.',
      ),
    }),
  ),
});

export type ClientModel = Infer<typeof clientModelSchema>;

export function toClientConfig(m: ClientModel): ClientConfig {
  return {
    name: m.name,
    internet: m.internet ? fromSpec(m.internet) : null,
    lossProbability: m.loss?.probability ?? 0,
    retransmitTimeout: m.loss?.retransmitTimeout ?? 0,
  };
}
