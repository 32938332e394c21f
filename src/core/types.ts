/**
 * Shared value types of the core. Every offset is a UTF-16 code-unit index into the document's text
 * (a JavaScript string index); every range is half-open, `[start, end)`.
 */

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** What a stretch of an article is. */
export type SectionKind =
  | 'headline'
  | 'byline'
  | 'dateline'
  | 'repeatedHeadline'
  | 'caption'
  | 'body'
  /** Site furniture before or among the article's paragraphs (menus, "Advertisement", share prompts, teasers). */
  | 'boilerplate'
  /** Site furniture after the article's last paragraph. */
  | 'footer';

/** One segment of an article; sections are sorted, inside the text and never overlap. */
export interface ArticleSection extends Span {
  kind: SectionKind;
}

/** Where an article comes from. `via` names the site that carried a syndicated article. */
export interface Outlet {
  name: string;
  via: string | null;
}

/** What the article parser finds in a file's text. */
export interface ParsedArticle {
  /** First non-empty line, trimmed; null for a text with no non-blank line. */
  headline: string | null;
  headlineSpan: Span | null;
  /** People named in the byline (`By Cathy He` gives `Cathy He`); an outlet staff byline is not a person. */
  authors: string[];
  authorSpans: Span[];
  /** Publication date `YYYY-MM-DD` as stated in the article's dateline; null when the text states none. */
  date: string | null;
  dateSpan: Span | null;
  /** A section name glued to or following the dateline (`China News`), or null. */
  sectionName: string | null;
  outlet: Outlet | null;
  /** Segments of the text, sorted and non-overlapping. */
  sections: ArticleSection[];
  /** How much the text reads like a news article, 0..1 (used for content detection). */
  score: number;
}

/** Kinds of named entity. */
export type EntityType = 'person' | 'organization' | 'place' | 'misc';

/** One mention of a named entity in one article. */
export interface EntityMention extends Span {
  type: EntityType;
  /** The mention's text as written (`Ren's` gives `Ren`: possessives are outside the span). */
  text: string;
  /** The article-level canonical name this mention refers to (`Ren` -> `Ren Zhengfei`). */
  name: string;
  /** Roles or titles stated next to this mention (`President`, `founder and CEO`). */
  roles: string[];
}

/** TimeML TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression with its value resolved against the article's publication date. */
export interface DateMention extends Span {
  text: string;
  type: TimexType;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for a calendar date; null when it has no calendar value. */
  value: string | null;
}

/** A direct quotation and who said it. */
export interface QuoteMention extends Span {
  /** The quoted words (span covers them, with or without the marks). */
  text: string;
  /** The speaker mention in the text nearest the cue (a name, a description or a pronoun), or null. */
  speaker: Span | null;
  /** The speaker's text as written at `speaker`. */
  speakerText: string | null;
  /** The person the speaker mention resolves to (a pronoun resolved to the nearest compatible person). */
  speakerName: string | null;
  /** The cue verb (`said`, `told`, `according to`), or null. */
  cue: string | null;
}

/** Everything the extractor finds in one article. */
export interface ArticleAnalysis {
  entities: EntityMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
}
