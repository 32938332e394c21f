import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { schemaValidatorsSource } from '../../scripts/schemaValidatorsSource';
import { ANNOTATION_SCHEMA, STORE_FILE_SCHEMA, annotationSchemaError, storeFileSchemaError } from '../../src/core/annotations/schema';

const GENERATED = join(__dirname, '..', '..', 'src', 'core', 'annotations', 'schemaValidators.generated.js');

const annotation = {
  id: 'urn:uuid:1', type: 'Annotation', motivation: 'commenting',
  created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00.5+01:00',
  creator: { type: 'Person', name: 'Ada' },
  body: [{ type: 'TextualBody', value: 'Check this.', purpose: 'commenting' }],
  target: { source: 'a.txt', selector: [{ type: 'TextQuoteSelector', exact: 'x' }, { type: 'TextPositionSelector', start: 0, end: 1 }] },
};
const invalidAnnotations: unknown[] = [
  null,
  { ...annotation, id: '' },
  { ...annotation, motivation: 'liking' },
  { ...annotation, created: '22 Nov 2026' },
  { ...annotation, extra: true },
  { ...annotation, target: { source: 'a.txt', selector: [{ type: 'TextPositionSelector', start: -1, end: 1 }] } },
  { ...annotation, body: [{ type: 'TextualBody' }] },
];

describe('generated schema validators', () => {
  it('are up to date with the schema definitions (run `npm run generate:schema` after changing them)', () => {
    assert.equal(readFileSync(GENERATED, 'utf8'), schemaValidatorsSource());
  });

  it('accept and reject the same documents as validators compiled at run time', () => {
    const ajv = new Ajv({ allErrors: false, strict: true });
    ajv.addSchema(ANNOTATION_SCHEMA);
    const compiledAnnotation = ajv.getSchema(ANNOTATION_SCHEMA.$id)!;
    const compiledStore = ajv.compile(STORE_FILE_SCHEMA);
    for (const value of [annotation, ...invalidAnnotations]) {
      assert.equal(annotationSchemaError(value) === undefined, compiledAnnotation(value), JSON.stringify(value));
    }
    const store = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', formatVersion: 1, article: 'a.txt', items: [annotation], deleted: [] };
    for (const value of [store, { ...store, items: [invalidAnnotations[2]] }, { ...store, formatVersion: 0 }, { ...store, deleted: [{ id: 'x' }] }]) {
      assert.equal(storeFileSchemaError(value) === undefined, compiledStore(value), JSON.stringify(value));
    }
    assert.equal(annotationSchemaError(annotation), undefined);
    assert.match(annotationSchemaError({ ...annotation, motivation: 'liking' }) ?? '', /^\/motivation /);
  });
});
