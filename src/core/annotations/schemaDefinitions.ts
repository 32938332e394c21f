/**
 * JSON Schemas (draft-07) of an annotation and of a store file. The validators are compiled from these
 * ahead of time (scripts/generate-schema-validators.ts -> schemaValidators.generated.js).
 */

const isoDateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' } as const;

const textualBody = {
  type: 'object',
  required: ['type', 'value'],
  properties: {
    type: { const: 'TextualBody' },
    value: { type: 'string' },
    purpose: { enum: ['commenting', 'tagging', 'assessing', 'classifying', 'editing', 'identifying', 'replying', 'questioning'] },
    format: { enum: ['text/plain', 'text/markdown'] },
  },
  additionalProperties: false,
} as const;

const selector = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'exact'],
      properties: {
        type: { const: 'TextQuoteSelector' },
        exact: { type: 'string' },
        prefix: { type: 'string' },
        suffix: { type: 'string' },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['type', 'start', 'end'],
      properties: {
        type: { const: 'TextPositionSelector' },
        start: { type: 'integer', minimum: 0 },
        end: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
  ],
} as const;

/** JSON Schema (draft-07) of one annotation as News Annotator stores it. */
export const ANNOTATION_SCHEMA = {
  $id: 'https://news-annotator.invalid/schema/annotation.json',
  type: 'object',
  required: ['id', 'type', 'motivation', 'created', 'modified', 'body', 'target'],
  properties: {
    '@context': {},
    id: { type: 'string', minLength: 1 },
    type: { const: 'Annotation' },
    motivation: { enum: ['commenting', 'questioning', 'assessing', 'tagging', 'replying', 'classifying', 'editing'] },
    created: isoDateTime,
    modified: isoDateTime,
    creator: {
      type: 'object',
      required: ['type', 'name'],
      properties: { type: { enum: ['Person', 'Software'] }, name: { type: 'string' } },
      additionalProperties: false,
    },
    body: { type: 'array', items: textualBody },
    target: {
      oneOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          required: ['source'],
          properties: { source: { type: 'string', minLength: 1 }, selector: { type: 'array', items: selector } },
          additionalProperties: false,
        },
      ],
    },
    status: { enum: ['open', 'resolved'] },
    orphaned: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** JSON Schema (draft-07) of a store file (`.news-annotations/<article>.jsonld`), an AnnotationPage. */
export const STORE_FILE_SCHEMA = {
  $id: 'https://news-annotator.invalid/schema/store.json',
  type: 'object',
  required: ['@context', 'type', 'formatVersion', 'article', 'items', 'deleted'],
  properties: {
    '@context': {},
    type: { const: 'AnnotationPage' },
    formatVersion: { type: 'integer', minimum: 1 },
    article: { type: 'string', minLength: 1 },
    items: { type: 'array', items: { $ref: 'annotation.json' } },
    deleted: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'modified'],
        properties: { id: { type: 'string', minLength: 1 }, modified: isoDateTime },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
