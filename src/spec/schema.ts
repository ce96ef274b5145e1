/**
 * The schema DSL: small combinators that validate parsed JSON with precise,
 * located error messages and emit JSON Schema from the same definitions, so
 * that the types of the config files are their schema.
 */
export * from './combinators.ts';
export {
  BaseSchema,
  describeValue,
  type Infer,
  isPlainObject,
  type JsonSchema,
  JsonSchemaContext,
  type JsonType,
  jsonTypeOf,
  type Presence,
  type SameKeys,
  type Schema,
  toJsonSchemaDocument,
} from './core.ts';
export * from './primitives.ts';
export * from './structures.ts';
