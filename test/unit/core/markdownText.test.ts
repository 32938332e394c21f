import * as assert from 'node:assert/strict';
import { escapeMarkdownText } from '../../../src/core/markdownText';

/**
 * What GFM's extended autolinks (the renderer of VS Code's hovers) and CommonMark autolinks would turn
 * into a link: a URL scheme, `www.`, an e-mail address, `<…>`.
 */
const AUTOLINK_STARTS = [/(?:https?|ftp):\/\//i, /www\./i, /[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+\.[A-Za-z0-9]/, /mailto:|xmpp:/i, /<[a-z][a-z0-9+.-]*:/i];

describe('article text in hover Markdown (core/markdownText)', () => {
  const samples = [
    'Read more at http://example.com/story?id=1 today.',
    'See https://www.ft.com/content/abc and www.epochtimes.com/news.',
    'Write to tips@example.org or ftp://files.example.net/x.',
    '<https://example.com> and [a link](https://example.com) and ![img](http://x.example/p.png)',
    'Mailto: mailto:ann@example.com',
  ];

  it('leaves no bare URL, address or link syntax for the renderer to turn into a link', () => {
    for (const text of samples) {
      const md = escapeMarkdownText(text);
      for (const pattern of AUTOLINK_STARTS) assert.ok(!pattern.test(md), `${pattern} in ${md}`);
      assert.ok(!/(^|[^\\])[[\]()<>]/.test(md), md);
    }
  });

  it('shows the text itself: removing the escapes gives it back', () => {
    for (const text of samples) assert.equal(escapeMarkdownText(text).replace(/\\(.)/g, '$1'), text.replace(/\s+/g, ' '));
    assert.equal(escapeMarkdownText('Ren   Zhengfei\nsaid'), 'Ren Zhengfei said');
  });

  it('escapes only ASCII punctuation (CommonMark shows an escaped mark as the mark)', () => {
    const md = escapeMarkdownText('“Huawei’s” 5G — http://x.y');
    for (const m of md.matchAll(/\\(.)/g)) assert.match(m[1] as string, /[!-/:-@[-`{-~]/);
  });
});
