// Writes src/core/annotations/schemaValidators.generated.js: the annotation and store-file validators
// compiled ahead of time with ajv's standalone code generation, so neither extension host evaluates
// code at run time (`new Function`, which a strict CSP refuses) and the bundles carry ajv's small
// runtime helpers instead of its compiler. Run `npm run generate:schema` after changing schemaDefinitions.ts;
// test/unit/schemaValidators.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaValidatorsSource } from './schemaValidatorsSource';

const target = join(__dirname, '..', 'src', 'core', 'annotations', 'schemaValidators.generated.js');
writeFileSync(target, schemaValidatorsSource());
console.log(`wrote ${target}`);
