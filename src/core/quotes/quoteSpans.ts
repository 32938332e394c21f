import type { Span } from '../types';

/** A stretch of quoted words found by its marks, before any speaker is looked for. */
export interface QuoteSpan extends Span {
  /** Start of the paragraph (line) the quote sits in. */
  paragraphStart: number;
  /** End of that paragraph, exclusive (before the line break). */
  paragraphEnd: number;
  /** The quote's opening mark is the first non-blank character of its paragraph. */
  opensParagraph: boolean;
  /** The quote had no closing mark and ran to the end of its paragraph. */
  unclosed: boolean;
}

const OPEN_CURLY = 0x201c; // “
const CLOSE_CURLY = 0x201d; // ”
const STRAIGHT = 0x22; // "
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Double-quoted passages in `text`, paragraph by paragraph (a line break ends a paragraph). Curly and
 * straight marks both open and close; single marks inside are nested quotes and stay inside. An opening
 * mark left unclosed runs to the end of its paragraph, the way news continues a quote over paragraphs.
 * Spans include the marks; passages with no letter or digit and passages overlapping `skip` are dropped.
 */
export function findQuoteSpans(text: string, skip: readonly Span[] = []): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd < 0) paragraphEnd = text.length;
    scanParagraph(text, paragraphStart, paragraphEnd, found);
    paragraphStart = paragraphEnd + 1;
  }
  return skip.length ? found.filter((q) => !skip.some((s) => s.start < q.end && q.start < s.end)) : found;
}

function scanParagraph(text: string, start: number, end: number, out: QuoteSpan[]): void {
  let firstVisible = start;
  while (firstVisible < end && isBlank(text.charCodeAt(firstVisible))) firstVisible++;
  let openAt = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== OPEN_CURLY && c !== CLOSE_CURLY && c !== STRAIGHT) continue;
    if (openAt < 0) {
      // A stray closing curly mark opens nothing (it closes a quote begun in an earlier paragraph).
      if (c !== CLOSE_CURLY) openAt = i;
    } else if (c !== OPEN_CURLY) {
      push(text, openAt, i + 1, start, end, firstVisible, false, out);
      openAt = -1;
    }
  }
  if (openAt >= 0) {
    let stop = end;
    while (stop > openAt + 1 && isBlank(text.charCodeAt(stop - 1))) stop--;
    push(text, openAt, stop, start, end, firstVisible, true, out);
  }
}

function push(text: string, s: number, e: number, ps: number, pe: number, firstVisible: number, unclosed: boolean, out: QuoteSpan[]): void {
  if (!WORD_CHAR.test(text.slice(s, e))) return;
  let paragraphEnd = pe;
  if (paragraphEnd > ps && text.charCodeAt(paragraphEnd - 1) === 0x0d) paragraphEnd--;
  out.push({ start: s, end: Math.min(e, Math.max(paragraphEnd, s + 1)), paragraphStart: ps, paragraphEnd, opensParagraph: s === firstVisible, unclosed });
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;
}
