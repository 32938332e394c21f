import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NER_WINDOW_CHARS, loadEntityRecognizer } from '../../../../src/core/ner';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const MODEL = path.join(ROOT, 'models', 'ner-en.bin');
const ARTICLE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', '001_ef6bbce3734ab0e1.txt'), 'utf8');

describe('entity recognition of a text longer than a window (core/ner)', function () {
  this.timeout(120_000);

  it('tags it a window at a time: offsets into the whole text, the first copy as the article alone', function () {
    if (!fs.existsSync(MODEL)) this.skip(); // no model trained in this checkout
    const recognizer = loadEntityRecognizer(fs.readFileSync(MODEL));
    const alone = recognizer.recognize(ARTICLE);
    const copies = Math.ceil((NER_WINDOW_CHARS * 1.5) / (ARTICLE.length + 1));
    const text = Array.from({ length: copies }, () => ARTICLE).join('\n');
    assert.ok(text.length > NER_WINDOW_CHARS);
    const mentions = recognizer.recognize(text);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (let i = 1; i < mentions.length; i++) assert.ok((mentions[i - 1]?.start ?? 0) <= (mentions[i]?.start ?? 0));
    // Mentions of the first copy, which lies wholly in the first window, with their canonical names
    // computed over the whole text (the same names recur, so the same canonical ones).
    const first = mentions.filter((m) => m.end <= ARTICLE.length).map(({ start, end, type, text: written, name }) => ({ start, end, type, text: written, name }));
    assert.deepEqual(first, alone.map(({ start, end, type, text: written, name }) => ({ start, end, type, text: written, name })));
    // And a copy in the last window is found at its own offset too.
    const lastCopy = (copies - 1) * (ARTICLE.length + 1);
    const last = mentions.filter((m) => m.start >= lastCopy).map((m) => ({ start: m.start - lastCopy, end: m.end - lastCopy, type: m.type }));
    assert.deepEqual(last, alone.map(({ start, end, type }) => ({ start, end, type })));
  });
});
