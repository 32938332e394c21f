import * as assert from 'node:assert/strict';
import {
  AnnotationStore, ImportError, InMemoryStoreHost, createAnnotation, derivedAnnotationId, importIntoStore,
  isDerivedAnnotationId, neutralizeCsvCell, parseAnnotationDocument, selectorsFor, toCsv,
} from '../../../../src/core/annotations';

describe('interchange (core/annotations/interchange)', () => {
  describe('import refuses sources outside the workspace folder', () => {
    const item = (source: string) => ({ type: 'Annotation', body: 'x', target: { source, selector: { type: 'TextQuoteSelector', exact: 'x' } } });

    it('names the item and the reason, and returns nothing', () => {
      assert.throws(() => parseAnnotationDocument([item('a.txt'), item('../../escaped')]), (err: unknown) => {
        assert.ok(err instanceof ImportError);
        assert.match(err.message, /^item 2: refused: target source \.\.\/\.\.\/escaped resolves outside the workspace folder; nothing was imported$/);
        return true;
      });
      assert.throws(() => parseAnnotationDocument(item('/tmp/x')), /absolute path/);
      assert.throws(() => parseAnnotationDocument(item('https://example.org/a')), /outside the workspace folder/);
    });

    it('takes a file URI inside the folder as its relative path', () => {
      const [a] = parseAnnotationDocument(item('file:///ws/news/a%20b.txt'), 'file:///ws/news');
      assert.deepEqual((a?.target as { source: string }).source, 'a b.txt');
    });
  });

  describe('import is idempotent', () => {
    const noId = { type: 'Annotation', body: 'Check this', creator: 'Ann', target: { source: 'a.txt', selector: { type: 'TextQuoteSelector', exact: 'said' } } };

    it('an annotation without an id gets one derived from its content', () => {
      const [a] = parseAnnotationDocument(noId);
      const [b] = parseAnnotationDocument(JSON.parse(JSON.stringify(noId)));
      assert.equal(a?.id, b?.id);
      assert.ok(isDerivedAnnotationId(a?.id ?? ''), a?.id);
      const [other] = parseAnnotationDocument({ ...noId, body: 'Check that' });
      assert.notEqual(other?.id, a?.id);
      assert.notEqual(derivedAnnotationId({ x: 1 }), derivedAnnotationId({ x: 2 }));
      assert.equal(isDerivedAnnotationId(createAnnotation({ motivation: 'commenting', text: 'x', target: { source: 'a.txt' } }).id), false);
    });

    it('importing the same file three times stores it once, and keeps a later edit', async () => {
      const host = new InMemoryStoreHost();
      const store = new AnnotationStore(host);
      for (let i = 0; i < 3; i++) await importIntoStore(store, parseAnnotationDocument([noId]));
      const stored = new AnnotationStore(host);
      assert.equal((await stored.load('a.txt')).length, 1);
      const [only] = await stored.load('a.txt');
      await stored.put('a.txt', [{ ...only!, body: [{ type: 'TextualBody', value: 'Checked: true', purpose: 'commenting' }], modified: new Date(Date.now() + 1000).toISOString() }]);
      const summary = await importIntoStore(new AnnotationStore(host), parseAnnotationDocument([noId]));
      assert.deepEqual({ imported: summary.imported, alreadyStored: summary.alreadyStored }, { imported: 0, alreadyStored: 1 });
      const [after] = await new AnnotationStore(host).load('a.txt');
      assert.equal(after?.body[0]?.value, 'Checked: true');
    });
  });

  describe('CSV export neutralises formulas', () => {
    it('prefixes cells a spreadsheet would run', () => {
      for (const cell of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutralizeCsvCell(cell), `'${cell}`);
      for (const cell of ['plain', '2025-01-01', "it's", '']) assert.equal(neutralizeCsvCell(cell), cell);
    });

    it('in every column that comes from a person or an article', () => {
      const text = '=cmd|\' /C calc\'!A0 said the man.';
      const annotation = createAnnotation({ motivation: 'commenting', text: '@SUM(1+1)', tags: ['x'], creator: '-Mallory', target: { source: '+a.txt', selector: selectorsFor(text, 0, 18) } });
      const csv = toCsv([{ article: '+a.txt', annotation, anchor: { kind: 'exact', start: 0, end: 18, method: 'position' } }]);
      const row = csv.split('\r\n')[1] as string;
      assert.ok(row.startsWith(`'+a.txt,'=cmd|' /C calc'!A0,'@SUM(1+1),#x,commenting,,open,exact,'-Mallory,`), row);
    });
  });
});
