/**
 * A quotation as a hover card or a list shows it: in one pair of our marks. A quote's text is cut
 * from the article with its own marks (“When it comes…,”), so they come off first; otherwise the
 * card would show two pairs.
 */

/** Double marks that can open a quotation (straight, curly, low-9, guillemets). */
const OPENING_MARK = /^["“”„«»‹›]/u;
/** Double marks that can close one (a trailing comma or full stop stays inside, as written). */
const CLOSING_MARK = /["“”»«›‹]$/u;
/** A quotation in single marks only, both ends: ‘…’ or '…'. */
const SINGLE_PAIR = /^[‘'](.*)[’']$/su;

/**
 * The text of a quotation without its own enclosing marks, with runs of white space as one space;
 * inner marks (a quote within the quote) stay. A text with no marks is returned trimmed.
 */
export function unquote(text: string): string {
  let inner = text.replace(/\s+/g, ' ').trim();
  const opened = OPENING_MARK.test(inner);
  if (opened) inner = inner.slice(1).trimStart();
  // A closing mark without an opening one is still the quote's own (a span cut after its opening).
  if (CLOSING_MARK.test(inner)) inner = inner.slice(0, -1).trimEnd();
  else if (!opened) {
    const single = SINGLE_PAIR.exec(inner);
    if (single) inner = (single[1] as string).trim();
  }
  return inner;
}

/**
 * A quotation in one pair of curly marks, cut to `max` characters (with an ellipsis) after its own
 * marks are removed, so a long quote never loses its closing mark.
 */
export function quoteExcerpt(text: string, max = 160): string {
  const inner = unquote(text);
  const clipped = inner.length > max ? `${inner.slice(0, Math.max(1, max - 1)).trimEnd()}…` : inner;
  return `“${clipped}”`;
}
