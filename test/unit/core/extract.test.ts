import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/article';
import { ArticleExtractor } from '../../../src/core/extract';
import type { EntityRecognizer } from '../../../src/core/ner';
import type { EntityMention, EntityType } from '../../../src/core/types';

/** A recognizer that tags every occurrence of the given words with the given type. */
function fakeRecognizer(tags: Record<string, EntityType>): EntityRecognizer {
  return {
    recognize(text: string): EntityMention[] {
      const out: EntityMention[] = [];
      for (const [word, type] of Object.entries(tags)) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push({ start: i, end: i + word.length, type, name: word } as EntityMention);
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const page = 'A council votes on the new bridge\n\nBy Jane Porter and Gilead Sciences\n\nThe council voted on Tuesday to build the bridge, its members said after a long debate in the hall.\n';

describe('ArticleExtractor.confirmAuthors', () => {
  it('drops a byline name the model reads as an organization', () => {
    const article = parseArticle(page);
    assert.deepEqual(article.authors, ['Jane Porter', 'Gilead Sciences']);
    const checked = new ArticleExtractor(fakeRecognizer({ 'Gilead Sciences': 'organization', 'Jane Porter': 'person' })).confirmAuthors(page, article);
    assert.deepEqual(checked.authors, ['Jane Porter']);
    assert.equal(checked.authorSpans.length, 1);
    assert.equal(page.slice(checked.authorSpans[0].start, checked.authorSpans[0].end), 'Jane Porter');
  });

  it('keeps a name the model does not tag at all', () => {
    const article = parseArticle(page);
    const checked = new ArticleExtractor(fakeRecognizer({})).confirmAuthors(page, article);
    assert.deepEqual(checked.authors, article.authors);
  });

  it('keeps the authors when the model throws', () => {
    const article = parseArticle(page);
    const broken: EntityRecognizer = { recognize: () => { throw new Error('broken model'); } };
    assert.deepEqual(new ArticleExtractor(broken).confirmAuthors(page, article).authors, article.authors);
  });
});

describe('ArticleExtractor.analyzeArticle: what each stage leaves out', () => {
  const text = 'Harbour bridge opens after ten years\n\nThe bridge opened on Monday, the mayor said at a ceremony by the water with hundreds watching.\n\n"It is a great day," said Ada Quint, who led the works.\n\nLeave a Reply\n\n"Lovely," wrote Ada Quint on 3 May 2020.\n';
  const recorded: { skip: readonly { start: number; end: number }[] }[] = [];
  const recognizer: EntityRecognizer = {
    recognize(t, skip) {
      recorded.push({ skip: skip ?? [] });
      return fakeRecognizer({ 'Ada Quint': 'person', 'Lior Fenwick': 'person' }).recognize(t);
    },
  };
  it('the boilerplate still reaches the recognizer; dates and quotes skip it', () => {
    const article = parseArticle(text);
    const footer = article.sections.find((s) => s.kind === 'footer' || s.kind === 'boilerplate');
    assert.ok(footer, JSON.stringify(article.sections));
    const analysis = new ArticleExtractor(recognizer).analyzeArticle(text, article);
    const entitySkip = recorded[recorded.length - 1].skip;
    assert.ok(!entitySkip.some((s) => s.start < footer.end && s.end > footer.start), 'the boilerplate still reaches the recognizer');
    assert.ok(analysis.quotes.every((q) => q.start < footer.start), 'no quote from the comments');
    assert.ok(analysis.dates.every((d) => d.start < footer.start), 'no date from the comments');
  });
});
