/**
 * Specs: validation of the files users write (models, experiments) with
 * located error messages, and the JSON Schema published for editors.
 */
export { didYouMean, editDistance, suggestion } from './didYouMean.ts';
export {
  DURATION_PATTERN,
  type DurationOptions,
  DurationSchema,
  duration,
  formatDuration,
  parseDuration,
} from './duration.ts';
export { checkNesting, MAX_NESTING } from './nesting.ts';
export * from './schema.ts';
export { joinPath, type PathSegment, SpecError, withFile } from './specError.ts';
