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
