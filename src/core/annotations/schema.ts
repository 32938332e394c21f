/**
 * JSON Schemas of an annotation and of a store file, and their validators. The validators are ajv's
 * standalone code generated at build time (schemaValidators.generated.js), so nothing is compiled or
 * evaluated at run time: the web extension host's CSP need not allow `new Function`, and the bundles
 * do not carry ajv's compiler.
 */
import type { ErrorObject } from 'ajv';
import { annotation as validateAnnotation, storeFile as validateStoreFile } from './schemaValidators.generated.js';

export { ANNOTATION_SCHEMA, STORE_FILE_SCHEMA } from './schemaDefinitions';

/** Undefined when `value` is a valid annotation, else a one-line reason. */
export function annotationSchemaError(value: unknown): string | undefined {
  return validateAnnotation(value) ? undefined : describe(validateAnnotation.errors);
}

/** Undefined when `value` is a valid store file (any format version), else a one-line reason. */
export function storeFileSchemaError(value: unknown): string | undefined {
  return validateStoreFile(value) ? undefined : describe(validateStoreFile.errors);
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'does not match the schema';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}
