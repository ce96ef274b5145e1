/** `npm run schemas`: regenerates models/schema/*.schema.json (a test checks they are current). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/experiments/schemas.ts';

mkdirSync('models/schema', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join('models/schema', name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote models/schema/${name}\n`);
}
