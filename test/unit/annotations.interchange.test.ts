import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type Annotation, AnnotationStore, ImportError, InMemoryStoreHost, annotationSchemaError, correctionsOf,
  createAnnotation, createCorrection, exportFromStore, importIntoStore, moveRangeThroughEdits, parseAnnotationDocument,
  selectorsFor, tagsOf, textOf, threadsOf, toCsv, toMarkdown,
} from '../../src/core/annotations';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = '001_ef6bbce3734ab0e1.txt';
const SEED_TEXT = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', SEED), 'utf8');
const DELETED_SENTENCE = 'Meng Wenzhou, who is Ren’s daughter and the chief financial officer of Huawei, is facing extradition to the United States';
const MOVED_QUOTE = 'an employee was arrested on spying allegations in Poland';

function w3c(id: string, exact: string, body: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> & { id: string; body: unknown } {
  const start = SEED_TEXT.indexOf(exact);
  assert.ok(start >= 0, exact);
  const [quote, position] = selectorsFor(SEED_TEXT, start, start + exact.length);
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', id, body, type: 'Annotation', motivation: 'commenting', created: '2025-01-01T10:00:00Z', creator: { type: 'Person', name: 'Ann' }, target: { source: `articles/${SEED}`, selector: [quote, position] }, ...extra };
}

describe('annotation interchange', () => {
  it('reads an Annotation, an array, an AnnotationPage and an AnnotationCollection with embedded pages, keeping ids', () => {
    const a = w3c('https://example.org/anno/1', MOVED_QUOTE, 'plain string body');
    const b = w3c('urn:uuid:00000000-0000-4000-8000-000000000002', DELETED_SENTENCE, [{ type: 'TextualBody', value: 'check', purpose: 'commenting' }, { type: 'TextualBody', value: 'claim', purpose: 'tagging' }]);
    const ids = (json: unknown) => parseAnnotationDocument(json).map((x) => x.id);
    assert.deepStrictEqual(ids(a), ['https://example.org/anno/1']);
    assert.deepStrictEqual(ids([a, b]), [a.id, b.id]);
    assert.deepStrictEqual(ids({ type: 'AnnotationPage', items: [a, b] }), [a.id, b.id]);
    assert.deepStrictEqual(ids({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage', items: [a], next: { type: 'AnnotationPage', items: [b] } } }), [a.id, b.id]);
    const [parsed] = parseAnnotationDocument(b);
    assert.ok(parsed);
    assert.strictEqual(textOf(parsed), 'check');
    assert.deepStrictEqual(tagsOf(parsed), ['claim']);
    assert.strictEqual(annotationSchemaError(parsed), undefined);
  });

  it('refuses what is not an annotation document, naming the item', () => {
    assert.throws(() => parseAnnotationDocument({ type: 'Book' }), ImportError);
    assert.throws(() => parseAnnotationDocument(42), ImportError);
    assert.throws(() => parseAnnotationDocument([{ id: 'x', type: 'Annotation', body: 'no target' }]), /item 1 \(x\): target has no source/);
    assert.throws(() => parseAnnotationDocument({ type: 'AnnotationCollection', first: 'https://example.org/page1' }), /link, not an embedded page/);
  });

  it('import, edit the article, export: ids, bodies and tags kept, positions follow, a deleted sentence orphaned (CLI)', function () {
    this.timeout(30000);
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotations-cli-'));
    try {
      fs.mkdirSync(path.join(workspace, 'articles'));
      fs.writeFileSync(path.join(workspace, 'articles', SEED), SEED_TEXT);
      const kept = w3c('urn:uuid:00000000-0000-4000-8000-000000000001', MOVED_QUOTE, [{ type: 'TextualBody', value: 'Which controversies?', purpose: 'questioning' }, { type: 'TextualBody', value: 'verify', purpose: 'tagging' }], { motivation: 'questioning' });
      const doomed = w3c('urn:uuid:00000000-0000-4000-8000-000000000002', DELETED_SENTENCE, [{ type: 'TextualBody', value: 'Her name is Wanzhou', purpose: 'commenting' }, { type: 'TextualBody', value: 'claim', purpose: 'tagging' }]);
      const reply = { id: 'urn:uuid:00000000-0000-4000-8000-000000000003', type: 'Annotation', motivation: 'replying', created: '2025-01-02T10:00:00Z', body: 'Agreed', target: doomed.id };
      const input = path.join(workspace, 'import.json');
      fs.writeFileSync(input, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [kept, doomed, reply] } }));
      const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli.ts'), 'annotations', ...args], { cwd: ROOT, encoding: 'utf8' });

      const imported = cli('import', workspace, input);
      assert.strictEqual(imported.status, 0, imported.stderr);
      assert.ok(fs.existsSync(path.join(workspace, '.news-annotations', 'articles', `${SEED}.jsonld`)));

      // Edit: a paragraph above both passages, and the sentence of the second one removed.
      const added = 'EDITOR’S NOTE: this article was updated.\n\n';
      const edited = added + SEED_TEXT.replace(`${DELETED_SENTENCE}, where prosecutors allege`, 'Prosecutors allege');
      assert.notStrictEqual(edited, added + SEED_TEXT);
      fs.writeFileSync(path.join(workspace, 'articles', SEED), edited);

      const exported = cli('export', workspace);
      assert.strictEqual(exported.status, 0, exported.stderr);
      const collection = JSON.parse(exported.stdout);
      assert.strictEqual(collection.type, 'AnnotationCollection');
      const items: Annotation[] = collection.first.items;
      assert.deepStrictEqual(items.map((a) => a.id).sort(), [kept.id, doomed.id, reply.id]);
      const byId = new Map(items.map((a) => [a.id, a]));
      const keptOut = byId.get(kept.id) as Annotation;
      assert.deepStrictEqual(keptOut.body, kept.body);
      const target = keptOut.target as { source: string; selector: { type: string; start?: number; end?: number; exact?: string }[] };
      assert.strictEqual(target.source, `articles/${SEED}`);
      const position = target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.deepStrictEqual(position, { type: 'TextPositionSelector', start: edited.indexOf(MOVED_QUOTE), end: edited.indexOf(MOVED_QUOTE) + MOVED_QUOTE.length });
      assert.strictEqual(keptOut.orphaned, undefined);
      const doomedOut = byId.get(doomed.id) as Annotation;
      assert.strictEqual(doomedOut.orphaned, true);
      assert.deepStrictEqual(doomedOut.body, doomed.body);
      const doomedSelectors = (doomedOut.target as unknown as { selector: { type: string; exact?: string }[] }).selector;
      assert.deepStrictEqual(doomedSelectors.map((s) => s.type), ['TextQuoteSelector'], 'an orphan keeps its quote, without a position');
      assert.strictEqual(doomedSelectors[0]?.exact, DELETED_SENTENCE);
      assert.strictEqual(byId.get(reply.id)?.target, doomed.id);

      const bad = cli('export', workspace, '--format', 'xml');
      assert.strictEqual(bad.status, 1);
      assert.match(bad.stderr, /^news-annotator: unknown format 'xml'/);
      assert.strictEqual(bad.stderr.trim().split('\n').length, 1, 'one-line error');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('exports CSV rows and a Markdown report grouped by article', async () => {
    const host = new InMemoryStoreHost();
    host.writeText(`b/${SEED}`, SEED_TEXT);
    host.writeText('a/other.txt', 'A short, "quoted" article, with commas.');
    const store = new AnnotationStore(host);
    const onSeed = createAnnotation({ motivation: 'assessing', text: 'Says "never"', verdict: 'Unproven', tags: ['#claim', 'source'], creator: 'Bo', target: { source: `b/${SEED}`, selector: selectorsFor(SEED_TEXT, 0, 20) } });
    const onOther = createAnnotation({ motivation: 'commenting', text: 'line one\nline two', creator: 'Ann', target: { source: 'a/other.txt', selector: selectorsFor('A short, "quoted" article, with commas.', 9, 17) } });
    const reply = createAnnotation({ motivation: 'replying', text: 'I checked', creator: 'Cy', target: onSeed.id });
    await importIntoStore(store, [onSeed, onOther, reply]);
    const items = await exportFromStore(store, async (p) => host.text(p));
    const csv = toCsv(items);
    const rows = csv.split('\r\n');
    assert.strictEqual(rows[0], 'file,quote,body,tags,motivation,verdict,state,anchor,author,created,modified,id');
    assert.ok(rows[1]?.startsWith('a/other.txt,"""quoted""","line one\nline two",,commenting,,open,exact,Ann,'), rows[1]);
    assert.ok(csv.includes(`b/${SEED},${SEED_TEXT.slice(0, 20)},"Says ""never""",#claim #source,assessing,Unproven,open,exact,Bo,`), csv);
    const md = toMarkdown(items);
    assert.ok(md.indexOf('## a/other.txt') < md.indexOf(`## b/${SEED}`));
    assert.match(md, /\*\*Verdict:\*\* Unproven/);
    assert.match(md, /> \*\*Cy\*\* \(\d{4}-\d\d-\d\d\): I checked/);
  });
});

describe('annotation model', () => {
  it('threads replies (and replies to replies) under their root, keeping stray replies', () => {
    const target = { source: 'a.txt', selector: selectorsFor('hello world', 0, 5) };
    const root = createAnnotation({ motivation: 'commenting', text: 'root', target }, new Date('2025-01-01T00:00:00Z'));
    const r1 = createAnnotation({ motivation: 'replying', text: 'r1', target: root.id }, new Date('2025-01-02T00:00:00Z'));
    const r2 = createAnnotation({ motivation: 'replying', text: 'r2', target: r1.id }, new Date('2025-01-03T00:00:00Z'));
    const stray = createAnnotation({ motivation: 'replying', text: 'stray', target: 'urn:uuid:missing' });
    const { threads, strayReplies } = threadsOf([r2, stray, root, r1]);
    assert.deepStrictEqual(threads.map((t) => [t.root.id, t.replies.map(textOf)]), [[root.id, ['r1', 'r2']]]);
    assert.deepStrictEqual(strayReplies, [stray]);
  });

  it('moves ranges through editor edits: before shifts, after stays, overlap is touched', () => {
    const range = { start: 10, end: 20 };
    assert.deepStrictEqual(moveRangeThroughEdits(range, [{ offset: 0, deletedLength: 2, insertedText: 'abcde' }]), { start: 13, end: 23, touched: false });
    assert.deepStrictEqual(moveRangeThroughEdits(range, [{ offset: 10, deletedLength: 0, insertedText: 'xx' }]), { start: 12, end: 22, touched: false });
    assert.deepStrictEqual(moveRangeThroughEdits(range, [{ offset: 20, deletedLength: 5, insertedText: 'y' }]), { start: 10, end: 20, touched: false });
    assert.deepStrictEqual(moveRangeThroughEdits(range, [{ offset: 15, deletedLength: 10, insertedText: 'z' }]), { start: 10, end: 16, touched: true });
    assert.deepStrictEqual(moveRangeThroughEdits(range, [{ offset: 5, deletedLength: 20, insertedText: '' }]), { start: 5, end: 5, touched: true });
  });
});

describe('corrections as annotations', () => {
  const text = 'Meng Wanzhou met Huawei staff in Shenzhen.';
  const mention = (exact: string) => ({ source: 'a.txt', selector: selectorsFor(text, text.indexOf(exact), text.indexOf(exact) + exact.length) });

  it('round-trips every correction through correctionsOf, valid against the schema', () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));
    const made = [
      createCorrection({ kind: 'setType', entityType: 'Person' }, mention('Meng Wanzhou'), 'Ann', at(1)),
      createCorrection({ kind: 'notAnEntity' }, mention('Shenzhen'), 'Ann', at(2)),
      createCorrection({ kind: 'mergeWith', canonicalName: 'Huawei Technologies' }, mention('Huawei'), 'Ann', at(3)),
      createCorrection({ kind: 'split', newName: 'Meng W.' }, mention('Meng Wanzhou'), 'Ann', at(4)),
      createCorrection({ kind: 'setOutlet', outlet: 'CNBC' }, mention('Huawei'), 'Ann', at(5)),
    ];
    for (const annotation of made) assert.strictEqual(annotationSchemaError(annotation), undefined);
    const comment = createAnnotation({ motivation: 'commenting', text: 'not a correction', target: mention('Huawei') });
    const found = correctionsOf([made[4], comment, ...made.slice(0, 4)] as Annotation[]);
    assert.deepStrictEqual(found.map((c) => c.kind), ['setType', 'notAnEntity', 'mergeWith', 'split', 'setOutlet']);
    assert.deepStrictEqual(found[0], { kind: 'setType', annotationId: made[0]?.id, source: 'a.txt', mention: 'Meng Wanzhou', start: 0, end: 12, modified: made[0]?.modified, entityType: 'Person' });
    assert.strictEqual(found[2]?.kind === 'mergeWith' && found[2].canonicalName, 'Huawei Technologies');
    assert.deepStrictEqual(found[4], { kind: 'setOutlet', annotationId: made[4]?.id, source: 'a.txt', outlet: 'CNBC', modified: made[4]?.modified });
    assert.strictEqual((made[4]?.target as { selector?: unknown }).selector, undefined, 'Set outlet targets the whole article');
    assert.deepStrictEqual(correctionsOf([{ ...(made[0] as Annotation), status: 'resolved' }]), [], 'a resolved correction is withdrawn');
  });

  it('keeps the scope of "not an entity": one article by default, every article when asked', () => {
    const inArticle = createCorrection({ kind: 'notAnEntity' }, mention('Shenzhen'));
    const everywhere = createCorrection({ kind: 'notAnEntity', scope: 'workspace' }, mention('Shenzhen'));
    assert.strictEqual(annotationSchemaError(everywhere), undefined);
    const scopes = correctionsOf([inArticle, everywhere]).map((c) => c.kind === 'notAnEntity' && c.scope);
    assert.deepStrictEqual(scopes.sort(), ['article', 'workspace']);
  });
});

