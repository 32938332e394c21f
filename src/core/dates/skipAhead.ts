/**
 * Skipping ahead to where a rule can match. Most rules open with optional words, so the regexp engine
 * has no literal to look for and tries every position of the text. Each such rule names an anchor (a
 * pattern that matches in every match at or after its start) and the characters its lead-in before
 * the anchor can hold. No match can then start before the lead-in run that ends at the next anchor,
 * nor, if none starts between the two, before the lead-in of the anchor after it; the rule's pattern
 * is tried at those positions only and finds exactly the matches a scan from every position would.
 */

/** Where matches of a rule can start. */
export interface SkipAhead {
  /**
   * The anchor: a word, starting a word of the text, or the `other` pattern. In every match of the
   * rule one of them matches at or after the match start with only `lead` characters between.
   */
  readonly words: readonly string[];
  readonly other?: string;
  /** The anchor as one pattern, sticky and case-insensitive like the rules, to test one position. */
  readonly at: RegExp;
  readonly lead: LeadChars;
}

/** Characters of a lead-in. */
export interface LeadChars {
  /** By ASCII code: 1 for a lead-in character, 2 for one allowed only between two digits. */
  readonly ascii: Uint8Array;
  /** The non-ASCII ones besides whitespace ("’"). */
  readonly wide: string;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const NON_ASCII_SPACE = /\s/;

/**
 * The lead-in characters: ASCII letters and whitespace (`\s`), plus `extra`, plus `glue` (such as
 * the `.` of "2.5") only between two digits. Patterns are not `u`-flagged, so no non-ASCII
 * character matches an ASCII letter even case-insensitively.
 */
export function leadChars(extra = '', glue = ''): LeadChars {
  const ascii = new Uint8Array(128);
  for (let c = 65; c <= 90; c++) ascii[c] = ascii[c + 32] = 1;
  for (let c = 0; c < 128; c++) if (/\s/.test(String.fromCharCode(c))) ascii[c] = 1;
  let wide = '';
  for (const ch of extra) {
    if (ch.charCodeAt(0) < 128) ascii[ch.charCodeAt(0)] = 1;
    else wide += ch;
  }
  for (const ch of glue) ascii[ch.charCodeAt(0)] = 2; // ASCII only: digits around it
  return { ascii, wide };
}

/**
 * A skip-ahead for an anchor: lower-case `words` (two letters, then letters, `-` or `'`) that begin a
 * word of the text, whatever its case, or the `other` pattern; `lead` the characters before it.
 */
export function skipAhead(anchor: { words: readonly string[]; other?: string }, lead: LeadChars): SkipAhead {
  for (const w of anchor.words) if (!/^[a-z]{2}[a-z'-]*$/.test(w)) throw new Error(`anchor word "${w}": letters, - or ' only`);
  const sources = anchor.words.length > 0 ? [`\\b(?:${anchor.words.join('|')})`] : [];
  if (anchor.other) sources.push(anchor.other);
  return { words: anchor.words, other: anchor.other, at: new RegExp(sources.join('|'), 'iy'), lead };
}

const isLetterCode = (lower: number): boolean => lower >= 97 && lower <= 122; // of code | 32: ASCII letters only

/**
 * Finds, in one pass over a text, every position where any rule's anchor may match: the start of a
 * word beginning with an anchor word (found by its first two letters), or where an `other` pattern
 * matches.
 */
export class AnchorScanner {
  /** Anchor words by their first two letters (26 * first + second). */
  private readonly byPrefix: (string[] | undefined)[] = [];
  private readonly other: RegExp | null;

  constructor(skips: readonly SkipAhead[]) {
    for (const skip of skips) {
      for (const w of skip.words) {
        const key = (w.charCodeAt(0) - 97) * 26 + (w.charCodeAt(1) - 97);
        const bucket = (this.byPrefix[key] ??= []);
        if (!bucket.includes(w)) bucket.push(w);
      }
    }
    const others = [...new Set(skips.flatMap((s) => (s.other ? [`(?:${s.other})`] : [])))];
    this.other = others.length > 0 ? new RegExp(others.join('|'), 'gi') : null;
  }

  /** The positions, ascending; any position where an anchor matches is among them. */
  sites(text: string): number[] {
    const words: number[] = [];
    let afterWordChar = false; // `\b` before a letter: no letter, digit or _ before it
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const isLetter = isLetterCode(c | 32);
      if (isLetter && !afterWordChar && this.wordAt(text, i, c | 32)) words.push(i);
      afterWordChar = isLetter || (c >= 48 && c <= 57) || c === 95;
    }
    if (!this.other) return words;
    const others: number[] = [];
    const re = this.other;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      others.push(m.index);
      re.lastIndex = m.index + 1; // one past the hit, not its end: overlapping anchors are all seen
    }
    return mergeSorted(words, others);
  }

  private wordAt(text: string, i: number, first: number): boolean {
    const second = text.charCodeAt(i + 1) | 32;
    if (!isLetterCode(second)) return false;
    const bucket = this.byPrefix[(first - 97) * 26 + (second - 97)];
    if (!bucket) return false;
    for (const w of bucket) {
      let k = 2;
      for (; k < w.length; k++) {
        const t = text.charCodeAt(i + k);
        const want = w.charCodeAt(k);
        // case-insensitive for ASCII letters only, as in a pattern without the u flag
        if (t !== want && !(isLetterCode(want) && (t | 32) === want)) break;
      }
      if (k === w.length) return true;
    }
    return false;
  }
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]);
  return out;
}

/** The possible match starts of one rule in one text, asked for in ascending order. */
export class StartFinder {
  private next = 0;
  /** Where the anchor found by the last `firstFrom` lies. */
  anchorAt = -1;

  constructor(
    private readonly text: string,
    private readonly sites: readonly number[],
    private readonly skip: SkipAhead,
  ) {}

  /**
   * The first position at or after `from` where a match can start, or -1 when none can. `from` must
   * not decrease between calls. A match starting at or after `from` has its anchor at or after the
   * first anchor from `from`, with only lead-in characters before it, so it cannot start before the
   * lead-in run ending there.
   */
  firstFrom(from: number): number {
    const { text, sites, skip } = this;
    let i = this.next;
    while (i < sites.length && sites[i] < from) i++;
    for (; i < sites.length; i++) {
      skip.at.lastIndex = sites[i];
      if (skip.at.test(text)) break;
    }
    this.next = i; // the sites passed over hold no anchor of this rule at or after `from`
    if (i === sites.length) return -1;
    let at = (this.anchorAt = sites[i]);
    const lead = skip.lead;
    while (at > from) {
      const c = text.charCodeAt(at - 1);
      const kind = c < 128 ? lead.ascii[c] : lead.wide.includes(text[at - 1]) || NON_ASCII_SPACE.test(text[at - 1]) ? 1 : 0;
      if (kind === 1 || (kind === 2 && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at - 2)))) at--;
      else break;
    }
    return at;
  }
}
