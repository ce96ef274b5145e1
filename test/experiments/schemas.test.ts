import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/experiments/schemas.ts';

describe('published JSON Schemas', () => {
  it('are current: models/schema/*.json equal what the parsers emit (npm run schemas)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = readFileSync(`models/schema/${name}`, 'utf8');
      expect(committed, name).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });
});
