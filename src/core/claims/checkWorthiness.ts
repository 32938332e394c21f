/**
 * Check-worthy sentences: a hint at what to check first, never a verdict. Each body sentence is
 * scored by transparent features of statements a fact-checker can verify: numbers and quantities,
 * comparisons and changes, superlatives and absolutes, attribution (a cue verb, quote marks); and
 * against what cannot be checked (questions, hedged opinion, fragments). The features and their
 * weights are listed here and shown with each hint; no openly licensed check-worthiness data was at
 * hand to learn them from (see the README).
 */
import { tokenize } from '../ner/tokenize';
import type { ParsedArticle, Span } from '../types';

/** One feature that raised or lowered a sentence's score. */
export interface CheckWorthinessReason {
  readonly feature: CheckWorthinessFeature;
  readonly weight: number;
}

/** The features of the scorer. */
export type CheckWorthinessFeature = 'number' | 'quantity' | 'comparison' | 'superlative' | 'attribution' | 'quotation' | 'named' | 'question' | 'opinion' | 'fragment';

/** Each feature's weight (added once per sentence when present). */
export const CHECK_WORTHINESS_WEIGHTS: Readonly<Record<CheckWorthinessFeature, number>> = {
  number: 2,
  quantity: 1,
  comparison: 1.5,
  superlative: 1.5,
  attribution: 1,
  quotation: 0.5,
  named: 0.5,
  question: -2.5,
  opinion: -1.5,
  fragment: -3,
};

/** What a person reads for each feature. */
export const CHECK_WORTHINESS_LABELS: Readonly<Record<CheckWorthinessFeature, string>> = {
  number: 'a number',
  quantity: 'a quantity (percent, money, millions)',
  comparison: 'a comparison or a change',
  superlative: 'a superlative or an absolute',
  attribution: 'attributed to someone',
  quotation: 'quoted',
  named: 'names someone or something',
  question: 'a question',
  opinion: 'hedged or an opinion',
  fragment: 'too short to state a fact',
};

/** A sentence with its score. */
export interface CheckWorthySentence extends Span {
  readonly text: string;
  readonly score: number;
  readonly reasons: readonly CheckWorthinessReason[];
}

/** Score from which a sentence counts as check-worthy. */
export const CHECK_WORTHY_THRESHOLD = 2;

const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|half|double|triple)\b/i;
const QUANTITY = /%|[$€£¥]|\b(?:per ?cent|percent|percentage|millions?|billions?|trillions?|thousands?|hundreds?|tons?|kilometres?|kilometers?|miles?|dollars?|euros?|yuan|pounds?)\b/i;
const COMPARISON = /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|cheaper|worse|better|older|younger|\w{3,}er)\s+than\b|\b(?:increas|decreas|doubl|tripl|halv|ris|rose|fell|fall|grew|grow|declin|drop|surg|plung|cut|soar)\w*\b|\bcompared (?:to|with)\b/i;
const SUPERLATIVE = /\b(?:most|least|largest|biggest|highest|lowest|smallest|fastest|first|only|best|worst|record|never|always|every|none|nobody|no one|all|entire|unprecedented|\w{3,}iest)\b/i;
const ATTRIBUTION = /\b(?:said|says|say|told|tells|claimed|claims|stated|states|according to|reported|reports|insisted|denied|denies|confirmed|announced|emphasized|emphasised|added|argued|alleged|warned)\b/i;
const QUOTATION = /["“”]/;
const OPINION = /\b(?:I think|I believe|I feel|we believe|we hope|hope|should|could|might|may|perhaps|maybe|probably|seems?|appears? to|would like|wants? to|in my (?:view|opinion))\b/i;
const MIN_WORDS = 6;

/**
 * The body sentences of an article with their check-worthiness score, best first (ties in text
 * order). `limit` keeps the best few; sentences below {@link CHECK_WORTHY_THRESHOLD} are left out
 * unless `includeAll`.
 */
export function rankCheckWorthySentences(text: string, article: ParsedArticle, options: { limit?: number; includeAll?: boolean } = {}): CheckWorthySentence[] {
  const body = article.sections.filter((s) => s.kind === 'body');
  const out: CheckWorthySentence[] = [];
  for (const section of body) {
    for (const sentence of tokenize(text.slice(section.start, section.end))) {
      const first = sentence[0];
      const last = sentence[sentence.length - 1];
      if (!first || !last) continue;
      const start = section.start + first.start;
      const end = section.start + last.end;
      const sentenceText = text.slice(start, end);
      const reasons = scoreSentence(sentenceText, sentence.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).map((t) => t.text));
      const score = reasons.reduce((sum, r) => sum + r.weight, 0);
      if (options.includeAll || score >= CHECK_WORTHY_THRESHOLD) out.push({ start, end, text: sentenceText, score, reasons });
    }
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return options.limit === undefined ? out : out.slice(0, options.limit);
}

/** The features present in one sentence (its words are its letter-or-digit tokens). */
export function scoreSentence(sentence: string, words: readonly string[]): CheckWorthinessReason[] {
  const present: CheckWorthinessFeature[] = [];
  if (words.some((w) => /\d/.test(w)) || NUMBER_WORDS.test(sentence)) present.push('number');
  if (QUANTITY.test(sentence)) present.push('quantity');
  if (COMPARISON.test(sentence)) present.push('comparison');
  if (SUPERLATIVE.test(sentence)) present.push('superlative');
  if (ATTRIBUTION.test(sentence)) present.push('attribution');
  if (QUOTATION.test(sentence)) present.push('quotation');
  // A capitalised word after the first: a name (people, places, bodies) anchors a fact to the world.
  if (words.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w))) present.push('named');
  if (/\?["”’]?\s*$/.test(sentence)) present.push('question');
  if (OPINION.test(sentence)) present.push('opinion');
  if (words.length < MIN_WORDS) present.push('fragment');
  return present.map((feature) => ({ feature, weight: CHECK_WORTHINESS_WEIGHTS[feature] }));
}
