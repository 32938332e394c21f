import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article';
import { ArticleExtractor } from '../../src/core/extract';
import { loadEntityRecognizer } from '../../src/core/ner';
import { findQuotes } from '../../src/core/quotes';

const repo = join(__dirname, '..', '..');
const seed = readFileSync(join(repo, 'test', 'fixtures', '000_fc681af9c8dd27c5.txt'), 'utf8');

describe('quotes: seed article (Ren Zhengfei)', () => {
  it('attributes Ren’s quotes to the mention "Ren" without entities', () => {
    const quotes = findQuotes(seed, []);
    const ren = quotes.filter((q) => q.text.includes('cybersecurity') || q.text.includes('R&D heavily') || q.text.includes('customer first'));
    assert.equal(ren.length, 3);
    for (const q of ren) assert.equal(q.speakerText, 'Ren');
  });

  it('gives the partial quote “trusts” to "he", resolved to Ren', () => {
    const trust = findQuotes(seed, []).find((q) => q.text === '“trusts”');
    assert.ok(trust, 'the partial quote is found');
    assert.equal(trust.speakerText, 'he');
    assert.match(trust.speakerName ?? '', /^Ren/);
  });

  it('names Ren Zhengfei as the speaker when the entities say so', function () {
    const article = parseArticle(seed);
    const extractor = new ArticleExtractor(loadEntityRecognizer(readFileSync(join(repo, 'models', 'ner-en.bin'))));
    const { quotes, entities } = extractor.analyzeArticle(seed, article, { tasks: ['quotes'] });
    // The NER model decides whether Ren is a person; this pins the quotes' use of it, not the model.
    if (!entities.some((e) => e.name === 'Ren Zhengfei')) this.skip();
    const told = quotes.find((q) => q.text.includes('cybersecurity'));
    assert.equal(told?.speakerText, 'Ren');
    assert.equal(told?.speakerName, 'Ren Zhengfei');
    const trust = quotes.find((q) => q.text === '“trusts”');
    assert.equal(trust?.speakerName, 'Ren Zhengfei');
  });
});
