/** A word or punctuation token with its offsets in the source text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Tokens of one sentence (a line, or a stretch ending in `.`, `!` or `?` before a capital). */
export type Sentence = Token[];

/** Whitespace, NBSP and the other Unicode spaces (checked by code: this runs per character). */
function isSpace(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
const LEADING = new Set(['"', "'", '“', '‘', '(', '[', '{', '`', '«', '‹', '—', '–', '*', '•', '$', '#', '@']);
const TRAILING = new Set(['"', "'", '”', '’', ')', ']', '}', ',', ';', ':', '!', '?', '.', '»', '›', '—', '–', '*', '%', '…']);
/** Abbreviations whose final period belongs to the word (CoNLL keeps `Mr.`, `Inc.`, `U.S.`). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'inc', 'corp', 'co', 'ltd', 'plc', 'gen', 'sen', 'rep', 'gov', 'lt', 'col',
  'capt', 'prof', 'rev', 'sgt', 'maj', 'adm', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mt', 'ft', 'messrs', 'bros', 'dept', 'est', 'etc', 'al',
]);
const CLITIC = /(?:['’][sSdDmM]|n['’]t|['’](?:re|ve|ll|RE|VE|LL))$/;

/**
 * Splits text into sentences of tokens with offsets. Whitespace (NBSP and other Unicode spaces
 * included) separates tokens; line breaks (LF or CRLF) end sentences; punctuation, quote marks,
 * slashes (`REUTERS/Fabrizio Bensch`), dashes and clitics (`Ren’s` -> `Ren` + `’s`) are tokens of their own.
 */
export function tokenize(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const endSentence = () => {
    if (current.length) sentences.push(current);
    current = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      endSentence();
      i++;
      continue;
    }
    if (isSpace(code)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    splitChunk(text, i, j, current);
    i = j;
  }
  endSentence();
  return sentences.flatMap(splitSentences);
}

/** Splits a whitespace-free chunk into tokens, appending them to `out`. */
function splitChunk(text: string, start: number, end: number, out: Token[]): void {
  const trailing: Token[] = [];
  // Leading punctuation, one character each.
  while (start < end && LEADING.has(text[start]) && end - start > 1) {
    out.push({ text: text[start], start, end: start + 1 });
    start++;
  }
  // Trailing punctuation and clitics, peeled from the end.
  for (;;) {
    if (end - start <= 1) break;
    const last = text[end - 1];
    if (last === '.') {
      const core = text.slice(start, end - 1);
      if (/^[A-Za-z]$/.test(core) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(core) || ABBREVIATIONS.has(core.toLowerCase())) break;
      if (text.slice(start, end).endsWith('...')) {
        trailing.push({ text: '...', start: end - 3, end });
        end -= 3;
        continue;
      }
    }
    if (TRAILING.has(last)) {
      // Keep the apostrophe of a plural possessive out, but not the one closing an elision like `'90`.
      trailing.push({ text: last, start: end - 1, end });
      end--;
      continue;
    }
    const chunk = text.slice(start, end);
    const clitic = CLITIC.exec(chunk);
    if (clitic && clitic.index > 0) {
      trailing.push({ text: clitic[0], start: start + clitic.index, end });
      end = start + clitic.index;
      continue;
    }
    break;
  }
  splitInner(text, start, end, out);
  for (let k = trailing.length - 1; k >= 0; k--) out.push(trailing[k]);
}

/** Splits at slashes (not between digits) and long dashes inside a chunk. */
function splitInner(text: string, start: number, end: number, out: Token[]): void {
  let from = start;
  for (let k = start; k < end; k++) {
    const c = text[k];
    const isSlash = c === '/' && !(/\d/.test(text[k - 1] ?? '') && /\d/.test(text[k + 1] ?? ''));
    if (isSlash || c === '—' || c === '–' || c === '|') {
      if (k > from) out.push({ text: text.slice(from, k), start: from, end: k });
      out.push({ text: c, start: k, end: k + 1 });
      from = k + 1;
    }
  }
  if (end > from) out.push({ text: text.slice(from, end), start: from, end });
}

/** Ends a sentence after `.`, `!` or `?` when the next token opens like a sentence. */
function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k].text;
    if (t !== '.' && t !== '!' && t !== '?') continue;
    let next = k + 1;
    // A closing quote stays with its sentence.
    if (/^["”’']$/.test(tokens[next].text)) next++;
    if (next >= tokens.length) break;
    const first = tokens[next].text[0];
    if (/[A-Z0-9"“‘(]/.test(first)) {
      out.push(tokens.slice(from, next));
      from = next;
    }
  }
  if (from < tokens.length) out.push(tokens.slice(from));
  return out.flatMap(capLength);
}

/** Longest sentence handed to the tagger: a run-on line (a table, a 5 MB paste) is cut into pieces this long. */
const MAX_SENTENCE_TOKENS = 250;

function capLength(sentence: Sentence): Sentence[] {
  if (sentence.length <= MAX_SENTENCE_TOKENS) return [sentence];
  const pieces: Sentence[] = [];
  for (let k = 0; k < sentence.length; k += MAX_SENTENCE_TOKENS) pieces.push(sentence.slice(k, k + MAX_SENTENCE_TOKENS));
  return pieces;
}
