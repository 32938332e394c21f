/** One line of a text, without its line break. */
export interface TextLine {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (before `\r\n`, `\n` or `\r`). */
  end: number;
  /** The line with surrounding white space (NBSP included) removed. */
  trimmed: string;
  /** Offsets of the trimmed text inside the document. */
  trimmedStart: number;
  trimmedEnd: number;
}

const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** Splits text into lines, recognising `\r\n`, `\n` and lone `\r` breaks. Linear time. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    lines.push({ start, end, trimmed: text.slice(a, b), trimmedStart: a, trimmedEnd: b });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(text.length);
  return lines;
}

/** Folds typographic variants (curly quotes, NBSP, dashes) so comparisons see the same text. */
export function foldForComparison(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Counts whitespace-separated words, stopping early past `limit`. */
export function wordCount(s: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const space = s.charCodeAt(i) <= 32 || s.charCodeAt(i) === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
