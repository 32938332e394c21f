/**
 * What the product knows about a claim, computed from the workspace index and never typed by hand:
 * who made it (the speaker its quote resolves to, else the outlet), where the same statement
 * appears (the index's word-level statement matching, as the Quotes view groups quotes), the first
 * appearance by date, and so the claim's date.
 */
import { type Annotation, articleTargetOf, quoteSelectorOf, verdictOf } from '../annotations/model';
import type { QuoteMention, Span } from '../types';
import { type ClaimStatus, claimNotesOf, claimStatusOf } from './model';

/** What claims need of the workspace index (the `WorkspaceIndex` satisfies it). Files are the index's ids. */
export interface ClaimIndex {
  article(file: string): { readonly headline: string | null; readonly date: string | null } | undefined;
  outletOf(file: string): string | null;
  quoteAt(file: string, offset: number): { readonly quote: QuoteMention; readonly speakerId: string | null } | undefined;
  similarQuotes(file: string, quote: QuoteMention, limit?: number): readonly { readonly file: string; readonly quote: QuoteMention }[];
  entity(id: string): { readonly name: string; readonly type: string } | undefined;
}

/** Who made a claim: a person (the quote's speaker) or an organization (the outlet). */
export interface Claimant {
  readonly type: 'Person' | 'Organization';
  readonly name: string;
}

/** One article where the claim's statement appears. */
export interface ClaimAppearance {
  /** The index's id of the article (a relative path in the CLI, a URI in VS Code). */
  readonly file: string;
  /** The article's path relative to the workspace folder. */
  readonly source: string;
  readonly outlet: string | null;
  /** `YYYY-MM-DD`, or null when the article states none. */
  readonly date: string | null;
  readonly headline: string | null;
  /** The statement's passage in that article (for opening it there). */
  readonly range: Span;
}

/** A claim with everything computed about it. */
export interface Claim {
  readonly annotation: Annotation;
  /** The claimed statement as annotated. */
  readonly text: string;
  readonly status: ClaimStatus;
  readonly verdict?: string;
  readonly notes: readonly string[];
  readonly claimant?: Claimant;
  /** Every article that states it (its own first among equals), by date, undated last, then path. */
  readonly appearances: readonly ClaimAppearance[];
  /** The earliest dated appearance; undefined when no appearance is dated. */
  readonly firstAppearance?: ClaimAppearance;
  /** The first appearance's date. */
  readonly date?: string;
}

/** A claim annotation with where it is now: the article's index id and the anchored passage. */
export interface LocatedClaim {
  readonly annotation: Annotation;
  /** The index id of the annotated article (undefined when it is not indexed). */
  readonly file?: string;
  /** The passage in the article's current text; undefined for an orphan. */
  readonly range?: Span;
}

/** Statements compared per claim: enough for a wire story reprinted by many outlets. */
const MAX_APPEARANCES = 200;

/**
 * Computes a claim's claimant, appearances and date. `sourceOf` maps an index id to the article's
 * relative path. A claim whose passage is not indexed (an orphan, an article outside the index) keeps
 * its text, status and verdict, with its own article as its only appearance when that is known.
 */
export function describeClaim(located: LocatedClaim, index: ClaimIndex, sourceOf: (file: string) => string): Claim {
  const { annotation, file, range } = located;
  const target = articleTargetOf(annotation);
  const text = flatten(quoteSelectorOf(target ?? { source: '' })?.exact ?? '');
  const base = {
    annotation,
    text,
    status: claimStatusOf(annotation),
    notes: claimNotesOf(annotation),
    ...(verdictOf(annotation) !== undefined ? { verdict: verdictOf(annotation) } : {}),
  };
  if (file === undefined || range === undefined) return { ...base, appearances: [] };

  const quote = quoteCovering(index, file, range);
  const claimant = claimantOf(index, file, quote);
  const appearances = new Map<string, ClaimAppearance>();
  appearances.set(file, appearanceIn(index, file, sourceOf(file), range));
  // The claim's own words are compared, not the whole quote around them: a claim cut from a long
  // quote matches the outlets that quote only that part.
  const probe: QuoteMention = { start: range.start, end: range.end, text, speaker: null, speakerText: null, speakerName: null, cue: null };
  for (const similar of index.similarQuotes(file, probe, MAX_APPEARANCES)) {
    if (!appearances.has(similar.file)) appearances.set(similar.file, appearanceIn(index, similar.file, sourceOf(similar.file), similar.quote));
  }
  const ordered = [...appearances.values()].sort(byDateThenPath);
  const firstAppearance = ordered.find((a) => a.date !== null);
  return {
    ...base,
    ...(claimant ? { claimant } : {}),
    appearances: ordered,
    ...(firstAppearance ? { firstAppearance, date: firstAppearance.date as string } : {}),
  };
}

/** Appearances by date (undated last), then by path. */
export function byDateThenPath(a: ClaimAppearance, b: ClaimAppearance): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

function quoteCovering(index: ClaimIndex, file: string, range: Span): { quote: QuoteMention; speakerId: string | null } | undefined {
  // The start may sit on an opening quote mark outside the extracted span: try the middle too.
  return index.quoteAt(file, range.start) ?? index.quoteAt(file, Math.floor((range.start + range.end) / 2));
}

function claimantOf(index: ClaimIndex, file: string, quote: { speakerId: string | null } | undefined): Claimant | undefined {
  const speaker = quote?.speakerId ? index.entity(quote.speakerId) : undefined;
  if (speaker && speaker.type === 'person') return { type: 'Person', name: speaker.name };
  const outlet = index.outletOf(file);
  return outlet ? { type: 'Organization', name: outlet } : undefined;
}

function appearanceIn(index: ClaimIndex, file: string, source: string, range: Span): ClaimAppearance {
  const record = index.article(file);
  return { file, source, outlet: index.outletOf(file), date: record?.date ?? null, headline: record?.headline ?? null, range: { start: range.start, end: range.end } };
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
