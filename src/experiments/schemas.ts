import { clientModelSchema } from '../models/clientModel.ts';
import { platformModelSchema } from '../models/platformModel.ts';
import { toJsonSchemaDocument } from '../spec/core.ts';
import { experimentSchema } from './experimentSpec.ts';

/** The published JSON Schemas (models/schema/*.schema.json), made from the parsers themselves. */
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
  };
}
