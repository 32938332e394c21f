import * as assert from 'node:assert';
import { quoteExcerpt, unquote } from '../../../../src/core/quotes/excerpt';

describe('quotation excerpts (hover cards)', () => {
  it('shows a quote cut from the article with its own marks in one pair of marks', () => {
    assert.strictEqual(quoteExcerpt('“When it comes to security, we will never,”'), '“When it comes to security, we will never,”');
    assert.strictEqual(quoteExcerpt('"No law in China requires it."'), '“No law in China requires it.”');
    assert.strictEqual(quoteExcerpt('„Wir schaffen das“'), '“Wir schaffen das”');
  });

  it('adds marks to a quote that has none, and keeps a quote within the quote', () => {
    assert.strictEqual(quoteExcerpt('we will refuse'), '“we will refuse”');
    assert.strictEqual(quoteExcerpt('“He told me ‘never’ twice”'), '“He told me ‘never’ twice”');
    assert.strictEqual(quoteExcerpt('‘A single-quoted line’'), '“A single-quoted line”');
    // An apostrophe at the end of an unmarked quote is the text's own.
    assert.strictEqual(unquote('the players’'), 'the players’');
  });

  it('cuts a long quote inside the marks, so the closing mark stays, and flattens line breaks', () => {
    const long = `“${'word '.repeat(60).trim()}.”`;
    const excerpt = quoteExcerpt(long, 40);
    assert.ok(excerpt.startsWith('“word') && excerpt.endsWith('…”'), excerpt);
    assert.ok(!excerpt.startsWith('““') && excerpt.length <= 42, excerpt);
    assert.strictEqual(quoteExcerpt('“one\n\n  two”'), '“one two”');
    assert.strictEqual(quoteExcerpt('  ""  '), '“”');
  });
});
