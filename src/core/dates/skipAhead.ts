/**
 * Skipping ahead to where a rule can match. Most rules open with optional words, so the regexp engine
 * has no literal to look for and tries every position of the text. Each such rule names an anchor (a
 * pattern that matches in every match at or after its start) and the characters its lead-in before
 * the anchor can hold. No match can then start before the lead-in run that ends at the next anchor,
 * and the rule's pattern runs from there: it finds exactly the matches a scan from every position
 * would.
 */

/** Where matches of a rule can start. */
export interface SkipAhead {
  /** The anchor's source: in every match of the rule it matches somewhere after only `lead` characters. */
  readonly source: string;
  /** The anchor, sticky and case-insensitive like the rules, to test one position. */
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

/** A skip-ahead for the anchor `source` with lead-in characters `lead`. */
export function skipAhead(source: string, lead: LeadChars): SkipAhead {
  return { source, at: new RegExp(source, 'iy'), lead };
}

/** One pattern matching wherever any of the anchors does (global, case-insensitive). */
export function anyAnchor(skips: readonly SkipAhead[]): RegExp {
  return new RegExp(skips.map((s) => `(?:${s.source})`).join('|'), 'gi');
}

/**
 * Every position of `text` where `anyAnchor` matches, ascending: one scan of the text serves all the
 * rules. The scan steps one character past each hit, not past its end, so overlapping anchors
 * ("weekly" and "week") are all seen.
 */
export function anchorSites(text: string, any: RegExp): number[] {
  const sites: number[] = [];
  any.lastIndex = 0;
  for (let m = any.exec(text); m; m = any.exec(text)) {
    sites.push(m.index);
    any.lastIndex = m.index + 1;
  }
  return sites;
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
