import { clientModelSchema } from '../models/clientModel.ts';
import { platformModelSchema } from '../models/platformModel.ts';
import { toJsonSchemaDocument } from '../spec/core.ts';
import { experimentSchema } from './experimentSpec.ts';
import { resultsSchema } from './resultsSchema.ts';
import { shardFileSchema } from './shardFileSchema.ts';

/**
 * The published JSON Schemas (models/schema/*.schema.json), made from the parsers themselves:
 * the files users write (models, experiments) and those coldtail writes and reads back
 * (results.json, shard files). Checks a schema cannot say (sums that must agree, percentiles
 * in order) are the parsers' alone.
 */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'platform.schema.json': toJsonSchemaDocument(platformModelSchema, {
      title: 'coldtail platform model',
    }),
    'client.schema.json': toJsonSchemaDocument(clientModelSchema, {
      title: 'coldtail client profile',
    }),
    'experiment.schema.json': toJsonSchemaDocument(experimentSchema, {
      title: 'coldtail experiment',
    }),
    'results.schema.json': toJsonSchemaDocument(resultsSchema, {
      title: 'coldtail results (results.json)',
    }),
    'shard.schema.json': toJsonSchemaDocument(shardFileSchema, {
      title: 'coldtail shard file (run --shard K/N)',
    }),
  };
}
