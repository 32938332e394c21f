import * as assert from 'node:assert';
import { indexingNote } from '../../../../src/core/index/buildProgress';

describe('the hover note while the index is built', () => {
  it('says how many articles are indexed of how many, once the workspace is listed', () => {
    assert.strictEqual(indexingNote({ done: 1, total: 2 }), '*Indexing 1 of 2 articles…* (the other articles follow)');
    assert.strictEqual(indexingNote({ done: 0, total: 1 }), '*Indexing 0 of 1 article…* (the other articles follow)');
    // A progress report that overshoots (a file added mid-build) never reads "3 of 2".
    assert.strictEqual(indexingNote({ done: 3, total: 2 }), '*Indexing 2 of 2 articles…* (the other articles follow)');
  });

  it('says the articles are being indexed before the listing is in', () => {
    assert.strictEqual(indexingNote({ done: 0, total: undefined }), '*Indexing the articles of the workspace…* (the other articles follow)');
  });
});
