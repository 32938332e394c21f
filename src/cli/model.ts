import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEntityRecognizer, type EntityRecognizer } from '../core/ner';
import { CliError } from './io';

/**
 * The shipped NER model, beside `dist/` in the package (`dist/cli.js` -> `models/`).
 * `NEWS_ANNOTATOR_MODEL` overrides it (a bundle built elsewhere, an experimental model).
 */
export const NER_MODEL_PATH = process.env.NEWS_ANNOTATOR_MODEL || path.join(__dirname, '..', 'models', 'ner-en.bin');

/** Loads the shipped entity recognizer, or explains why it cannot. */
export function loadShippedRecognizer(modelPath = NER_MODEL_PATH): EntityRecognizer {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(modelPath);
  } catch {
    bytes = new Uint8Array(0);
    if (process.env.NEWS_ANNOTATOR_REQUIRE_MODEL) throw new CliError(`model file missing: ${modelPath} (run npm run train)`);
  }
  return loadEntityRecognizer(bytes);
}
