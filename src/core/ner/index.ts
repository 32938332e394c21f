import type { EntityMention, EntityType, Span } from '../types';
import { enforceDocumentConsistency } from './consistency';
import { applyPersonCues, namesThatAreNotPeople, placesAreNotPeople, surnamesAfterGivenNames, type WordKnowledge } from './context';
import { FeatureExtractor, gazetteerBit, LIST_MASK } from './features';
import { decodeModel, type NerModel } from './modelFormat';
import { canonicalPersonNames, followsTitle, rolesAround, separateTitles } from './names';
import { tagDocument } from './tagger';
import type { TaggedSpan } from './tags';
import { tokenize, type Token } from './tokenize';

/** Finds named entities (people, organizations, places, misc) in text. */
export interface EntityRecognizer {
  /** Entity mentions in `text`, sorted by start; mentions inside `skip` spans are left out. */
  recognize(text: string, skip?: readonly Span[]): EntityMention[];
}

/** The roles of a mention that has none (frozen: shared by every such mention). */
const NO_ROLES: string[] = Object.freeze<string[]>([]) as string[];
const TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'misc'];
const PERSON = 0;
const ORGANIZATION = 1;
/** Tokens a name never runs across: a credit line `REUTERS/Fabrizio Bensch/File Photo` is not one name. */
const NAME_BREAKS = new Set(['/', '|', '(', ')', '"', '“', '”', ';']);
/** Compounds that describe a name rather than belong to it: "Ohio-based KeyCorp", "Hong Kong-listed". */
const DESCRIPTIVE_COMPOUND = /-(?:based|listed|born|owned|led|backed|controlled|run|made|registered|headquartered)$/i;

/**
 * Builds a recognizer from the bytes of a model file (`models/ner-en.bin`, written by `npm run train`):
 * an averaged-perceptron BILOU tagger with document-level consistency, canonical names within the
 * article and roles. An empty byte array (no model shipped) gives a recognizer that finds nothing;
 * bytes that are not a model throw.
 */
export function loadEntityRecognizer(modelBytes: Uint8Array): EntityRecognizer {
  if (!modelBytes.length) return { recognize: () => [] };
  const model = decodeModel(modelBytes);
  const features = new FeatureExtractor(model.lexicon, model.bucketBits);
  // From the extractor's per-word facts: the rules ask about words the tagger has just looked up.
  const known: WordKnowledge = {
    listBits: (word) => features.gazetteerMask(word) & LIST_MASK,
    mostlyLowercase: (word) => {
      const bucket = features.caseBucketOf(word);
      return bucket >= 1 && bucket <= 2;
    },
  };
  return { recognize: (text, skip) => recognizeEntities(model, features, known, text, skip ?? []) };
}

/**
 * Texts longer than this (UTF-16 units) are tagged a window at a time, each window ending at a line
 * break (which ends a sentence anyway, so tokens and sentences are the same): the tokens, words and
 * feature rows of a whole 50 MB text would take gigabytes, a window's a few tens of megabytes.
 * Document-level consistency then holds within a window; canonical names still span the whole text.
 * Articles are far shorter than one window, so their output does not change.
 */
export const NER_WINDOW_CHARS = 1 << 20;

function recognizeEntities(model: NerModel, features: FeatureExtractor, known: WordKnowledge, text: string, skip: readonly Span[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (let from = 0; from < text.length || from === 0;) {
    const breakAt = text.length - from > NER_WINDOW_CHARS ? text.indexOf('\n', from + NER_WINDOW_CHARS) : -1;
    const to = breakAt < 0 ? text.length : breakAt + 1;
    const whole = from === 0 && to === text.length;
    const windowSkip = whole ? skip : skip.filter((s) => s.start < to && s.end > from).map((s) => ({ start: Math.max(0, s.start - from), end: Math.min(to, s.end) - from }));
    for (const m of taggedMentions(model, features, known, whole ? text : text.slice(from, to), windowSkip)) {
      m.start += from;
      m.end += from;
      mentions.push(m);
    }
    if (to >= text.length) break;
    from = to;
  }
  const personIndex: number[] = [];
  mentions.forEach((m, i) => { if (m.type === 'person') personIndex.push(i); });
  const canonical = canonicalPersonNames(personIndex.map((i) => mentions[i].name));
  personIndex.forEach((mentionIndex, k) => (mentions[mentionIndex].name = canonical[k]));
  return mentions.sort((a, b) => a.start - b.start);
}

/** The mentions of one text (a whole article, or a window of a huge one), in sentence order, names as written. */
function taggedMentions(model: NerModel, features: FeatureExtractor, known: WordKnowledge, text: string, skip: readonly Span[]): EntityMention[] {
  const sentences = dropSkipped(tokenize(text), skip);
  const words = sentences.map((s) => s.map((t) => t.text));
  const spans = tagDocument(model, features, words).map((found, s) =>
    found.flatMap((span) => splitAtBreaks(span, words[s])).flatMap((span) => withoutTitles(span, words[s])));
  namesThatAreNotPeople(words, spans, known);
  surnamesAfterGivenNames(words, spans, known);
  const cuedPersons = applyPersonCues(words, spans, known);
  enforceDocumentConsistency(words, spans, (word) => isGivenName(features, word), cuedPersons);
  placesAreNotPeople(words, spans, known, personWords(words, spans, cuedPersons));
  const mentions: EntityMention[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const tokens = sentences[s];
    const inName = new Uint8Array(tokens.length);
    const pieces = spans[s];
    for (const span of pieces) inName.fill(1, span.start, span.end);
    for (const span of pieces) {
      const mention = mentionOf(text, tokens, span);
      if (mention.type === 'person') mention.roles = rolesAround(words[s], span.start, span.end, (k) => inName[k] === 1);
      mentions.push(mention);
    }
  }
  return mentions;
}

function mentionOf(text: string, tokens: readonly Token[], span: TaggedSpan): EntityMention {
  const start = tokens[span.start].start;
  const end = tokens[span.end - 1].end;
  const written = text.slice(start, end);
  return {
    start,
    end,
    type: TYPES[span.type],
    text: written,
    // Shared with `text` unless spacing changes: a huge text has a million mentions.
    name: /\s\s|[^\S ]/.test(written) ? written.replace(/\s+/g, ' ') : written,
    // Persons get their own array (rolesAround); the others share this one, never written to: a huge
    // text has close to a million mentions.
    roles: NO_ROLES,
  };
}

/** Words of multi-word person names in a document, and the cued persons: a place-named word among them is a person. */
function personWords(sentences: readonly (readonly string[])[], spans: readonly TaggedSpan[][], cued: ReadonlySet<string>): Set<string> {
  const out = new Set(cued);
  spans.forEach((found, s) => {
    for (const span of found) if (span.type === PERSON && span.end - span.start > 1) for (let k = span.start; k < span.end; k++) out.add(sentences[s][k]);
  });
  return out;
}

/** A word the training names use as a person's first word and never as the last one. */
function isGivenName(features: FeatureExtractor, word: string): boolean {
  const mask = features.gazetteerMask(word);
  return (mask & gazetteerBit(PERSON, 0)) !== 0 && (mask & (gazetteerBit(PERSON, 2) | gazetteerBit(PERSON, 3))) === 0;
}

/** A person span that took in a title ("Huawei CEO Ren Zhengfei") gives the organization and the person apart. */
function withoutTitles(span: TaggedSpan, words: readonly string[]): TaggedSpan[] {
  // A name right after a title is a person whatever the tagger thought ("founder and CEO Ren Zhengfei").
  if (span.type !== PERSON && followsTitle(words, span.start) && words[span.start][0] !== words[span.start][0].toLowerCase()) span = { ...span, type: PERSON };
  if (span.type !== PERSON) return [span];
  const { person, organization } = separateTitles(words, span.start, span.end);
  const out: TaggedSpan[] = [];
  if (organization) out.push({ start: organization[0], end: organization[1], type: ORGANIZATION });
  if (person) out.push({ start: person[0], end: person[1], type: PERSON });
  return out;
}

/** Cuts a span at tokens no name runs across (dropping them), then drops pieces without a letter or digit. */
function splitAtBreaks(span: TaggedSpan, words: readonly string[]): TaggedSpan[] {
  const pieces: TaggedSpan[] = [];
  let from = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k < span.end && !NAME_BREAKS.has(words[k]) && !DESCRIPTIVE_COMPOUND.test(words[k])) continue;
    let a = from;
    let b = k;
    while (a < b && !/[\p{L}\p{N}]/u.test(words[a])) a++;
    while (b > a && !/[\p{L}\p{N}]/u.test(words[b - 1])) b--;
    // The words before "-based" belong to the compound ("Hong Kong-based"), not to a name of their own.
    const partOfCompound = k < span.end ? DESCRIPTIVE_COMPOUND.test(words[k]) : continuesIntoCompound(words[k]);
    if (b > a && !partOfCompound) pieces.push({ start: a, end: b, type: span.type });
    from = k + 1;
  }
  return pieces;
}

/** A capitalised "-based" word right after a span ("Hong" + "Kong-based") makes the span part of the compound. */
function continuesIntoCompound(next: string | undefined): boolean {
  return next !== undefined && DESCRIPTIVE_COMPOUND.test(next) && next[0] !== next[0].toLowerCase();
}

/** Removes tokens that overlap a skipped stretch; a sentence is cut where tokens were removed. */
function dropSkipped(sentences: Token[][], skip: readonly Span[]): Token[][] {
  if (!skip.length) return sentences;
  const out: Token[][] = [];
  for (const sentence of sentences) {
    let current: Token[] = [];
    for (const token of sentence) {
      if (skip.some((s) => token.start < s.end && token.end > s.start)) {
        if (current.length) out.push(current);
        current = [];
      } else {
        current.push(token);
      }
    }
    if (current.length) out.push(current);
  }
  return out;
}
