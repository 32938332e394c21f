// Types of the generated standalone validators (schemaValidators.generated.js).
import type { ErrorObject } from 'ajv';

/** An ajv standalone validate function: true when valid, else false with `errors` set. */
interface GeneratedValidator {
  (value: unknown): boolean;
  errors?: readonly ErrorObject[] | null;
}

/** Validates one annotation (ANNOTATION_SCHEMA). */
export declare const annotation: GeneratedValidator;
/** Validates one store file (STORE_FILE_SCHEMA). */
export declare const storeFile: GeneratedValidator;
