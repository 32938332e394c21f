import { caseClass, LIST_BITS } from './features';
import type { TaggedSpan } from './tags';

const PERSON = 0;
const ORGANIZATION = 1;
const PLACE = 2;
const MISC = 3;

/**
 * Honorifics and titles that only ever stand before a person's name: the capitalised words after one are a
 * person ("Ms Pugh", "Dr. Okonkwo", "President Mbeki"), whatever the tagger thought of them. Roles that
 * also head organizations or places ("Minister", "Secretary", "General") are left to the tagger.
 */
const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'president', 'senator', 'sen', 'rep',
  'gov', 'governor', 'mayor', 'judge', 'justice', 'emperor', 'empress', 'king', 'queen', 'prince', 'princess', 'pope',
  'sheikh', 'sultan', 'chancellor', 'premier', 'archbishop', 'bishop', 'rabbi', 'imam', 'rev', 'reverend', 'father',
  'sister', 'brother', 'uncle', 'aunt', 'capt', 'captain', 'lt', 'col', 'sgt', 'gen',
]);
/** Longest title as written, with its period ("Archbishop."). */
const MAX_TITLE_LENGTH = Math.max(...[...PERSON_TITLES].map((t) => t.length)) + 1;

/** The word without one final period ("Dr." -> "Dr"). */
function withoutFinalPeriod(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** Verbs of speech: a capitalised name right before one ("Trudeau told") or right after one ("said Halvorsen") is a speaker. */
const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'tweeted', 'explained',
  'argued', 'insisted', 'recalled', 'warned', 'noted', 'replied', 'admitted', 'claimed', 'stated', 'declared',
  'acknowledged', 'conceded', 'continued', 'concluded', 'testified', 'recounted', 'remarked', 'complained',
  'spoke', 'speaks', 'announced', 'vowed', 'urged', 'denied', 'responded', 'quipped', 'joked', 'pleaded',
]);
/**
 * Last words that make a name an organization whoever it is named after ("Decca Records", "Yum Brands",
 * "Malcolm Smith Motorsports"): company and institution designators that are nobody's surname.
 */
const ORGANIZATION_HEADS = new Set([
  'records', 'brands', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'ltd', 'ltd.', 'plc', 'llc', 'gmbh', 'holdings',
  'group', 'airlines', 'airways', 'motors', 'motorsports', 'pictures', 'studios', 'entertainment', 'foods',
  'industries', 'technologies', 'systems', 'bancorp', 'insurance', 'pharmaceuticals', 'partners', 'associates',
  'enterprises', 'media', 'publishing', 'university', 'college', 'institute', 'foundation', 'association', 'society',
  'council', 'committee', 'party', 'club', 'hotels', 'resorts', 'restaurants', 'stores', 'networks', 'communications',
  'ministry', 'department', 'agency', 'commission', 'company', 'co.', 'bank',
]);
/** Last words that make a name a place when its first word is no given name ("Capitol Hill", "Chapel Hill"; not "Damon Hill"). */
const PLACE_HEADS = new Set([
  'hill', 'hills', 'street', 'avenue', 'road', 'river', 'lake', 'mountain', 'mountains', 'valley', 'island', 'islands',
  'county', 'beach', 'bay', 'square', 'bridge', 'park', 'heights', 'harbour', 'harbor', 'peninsula', 'desert', 'canyon',
]);
/** Prepositions that put what follows on a map: "in Denver", "near Florence". */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'across', 'around', 'from', 'to', 'towards', 'throughout', 'inside']);
const CALENDAR = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?$/;
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
/** Longest name a cue reaches over ("Ms Anna Maria Pugh"). */
const MAX_CUED_WORDS = 3;

/** What the cues need to know of a word, from the model's lexicon. */
export interface WordKnowledge {
  /** The public-list bits of a word ({@link LIST_BITS}); 0 when unlisted. */
  listBits(word: string): number;
  /** Whether unlabeled text writes the word in lower case mid-sentence more often than not ("He", "Officials"). */
  mostlyLowercase(word: string): boolean;
}

/**
 * Document context that says a name is a person (after Ratinov & Roth's non-local features, here as rules
 * over what the text states): capitalised words after a person's title ("Ms Pugh") or next to a verb of
 * speech ("Trudeau told", "said Halvorsen") are a person, unless, for the speech cue, the words are a
 * listed place or company and no given name ("Uber said"), or the tagger found an organization there.
 * Spans are changed in place; returns the last words (as written) of the persons a cue made or confirmed,
 * which count as surnames for the rest of the document.
 */
export function applyPersonCues(sentences: readonly (readonly string[])[], spans: TaggedSpan[][], known: WordKnowledge): Set<string> {
  const cued = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    if (!words.length) continue;
    // Most sentences hold no cue: the span lookup is built on the first one.
    let spanAt: Int32Array | null = null;
    const spanIndex = () => {
      if (!spanAt) {
        spanAt = new Int32Array(words.length).fill(-1);
        for (let k = 0; k < spans[s].length; k++) spanAt.fill(k, spans[s][k].start, spans[s][k].end);
      }
      return spanAt;
    };
    const changes: { start: number; end: number; replace: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const first = word.charCodeAt(0);
      // Titles are capitalised ("MX" or "GEN" in capitals is an abbreviation, not a title); speech verbs are not.
      // The set look-up first: most capitalised words are no title, and the case class costs two case conversions.
      const title = first >= 65 && first <= 90 && word.length <= MAX_TITLE_LENGTH && PERSON_TITLES.has(withoutFinalPeriod(word.toLowerCase())) && caseClass(word) === 1;
      if (!title && !SPEECH_VERBS.has(word)) continue;
      const spanAtWord = spanIndex();
      if (title && isNameWord(words[i + 1])) {
        // "Dr Okonkwo" tagged as one organization: the person is what follows the title.
        const end = capitalisedRunFrom(words, i + 1);
        const k = spanAtWord[i + 1];
        const span = k >= 0 ? spans[s][k] : null;
        // A person the tagger found, title and all ("Miss Stamper", a horse), stays as found.
        if (span && span.type === PERSON && span.start <= i + 1) {
          cued.add(words[span.end - 1]);
          continue;
        }
        changes.push({ start: i + 1, end: span && span.end > end && span.start >= i ? span.end : end, replace: span && span.start >= i ? k : -1 });
        continue;
      }
      if (!SPEECH_VERBS.has(words[i])) continue;
      // "Trudeau told ...": the capitalised run that ends right before the verb.
      if (i > 0 && isNameWord(words[i - 1]) && capitalisedRunTo(words, i, known) < i) {
        const start = capitalisedRunTo(words, i, known);
        const k = spanAtWord[i - 1];
        const span = k >= 0 ? spans[s][k] : null;
        if (span && span.type === PERSON && span.end === i) cued.add(words[i - 1]);
        else if (speakerLike(words, span ? span.start : start, i, known) && (!span || (span.type !== ORGANIZATION && span.end === i))) {
          changes.push({ start: span ? span.start : start, end: i, replace: span ? k : -1 });
        }
      }
      // "..., said Halvorsen." / "said Halvorsen, who ...": a run after the verb that ends the clause.
      if (isNameWord(words[i + 1])) {
        const end = capitalisedRunFrom(words, i + 1);
        const after = words[end];
        const k = spanAtWord[i + 1];
        const span = k >= 0 ? spans[s][k] : null;
        if (span && span.type === PERSON && span.start === i + 1) cued.add(words[span.end - 1]);
        else if ((after === undefined || /^[.,;:!?"”)]$/.test(after)) && speakerLike(words, i + 1, end, known) &&
          (!span || (span.type !== ORGANIZATION && span.start === i + 1))) {
          changes.push({ start: i + 1, end: span ? Math.max(span.end, end) : end, replace: span ? k : -1 });
        }
      }
    }
    if (!changes.length) continue;
    const replaced = new Set(changes.map((c) => c.replace).filter((k) => k >= 0));
    const kept = spans[s].filter((_, k) => !replaced.has(k));
    for (const c of changes) {
      if (kept.some((span) => span.start < c.end && span.end > c.start)) continue;
      kept.push({ start: c.start, end: c.end, type: PERSON });
      cued.add(words[c.end - 1]);
    }
    spans[s] = kept.sort((a, b) => a.start - b.start);
  }
  return cued;
}

/**
 * A one-word person the text gives no reason for, that the public lists know as a place and not as a
 * given name ("Rain hit Denver" read as a person), is the place. A word that is the surname of a person
 * named in full in the document, or that a person cue found (`persons`), stays a person. Spans are changed in place.
 */
export function placesAreNotPeople(sentences: readonly (readonly string[])[], spans: TaggedSpan[][], known: WordKnowledge, persons: ReadonlySet<string>): void {
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    for (const span of spans[s]) {
      if (span.type !== PERSON || span.end - span.start !== 1) continue;
      const word = words[span.start];
      if (persons.has(word) || caseClass(word) !== 1) continue;
      const bits = known.listBits(word);
      const before = (words[span.start - 1] ?? '').toLowerCase().replace(/\.$/, '');
      // A place that is also a given name ("Denver", "Florence") is the place where the text puts something in it.
      if (!(bits & LIST_BITS.place) || (bits & LIST_BITS.given && !LOCATIVES.has(before))) continue;
      if (PERSON_TITLES.has(before) || SPEECH_VERBS.has(words[span.end] ?? '') || SPEECH_VERBS.has(words[span.start - 1] ?? '')) continue;
      // Right after another name or a bracket the word is more likely a surname ("Lindsay ) Davenport").
      if (before === ')' || (span.start > 1 && caseClass(words[span.start - 1]) === 1)) continue;
      span.type = PLACE;
    }
  }
}

/**
 * A person span the text itself says is something else: ending in a company or institution designator
 * ("Decca Records") it is an organization; ending in a place word after a word that is no given name
 * ("Capitol Hill") a place; a one-word name after "a"/"an" ("won an Oscar") is a thing, not a person.
 * Spans are changed in place.
 */
export function namesThatAreNotPeople(sentences: readonly (readonly string[])[], spans: TaggedSpan[][], known: WordKnowledge): void {
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    for (const span of spans[s]) {
      if (span.type !== PERSON) continue;
      const last = words[span.end - 1].toLowerCase();
      if (span.end - span.start > 1 && caseClass(words[span.end - 1]) !== 0 && ORGANIZATION_HEADS.has(last)) span.type = ORGANIZATION;
      else if (span.end - span.start > 1 && PLACE_HEADS.has(last) && placeNamed(words, span, known) &&
        !PERSON_TITLES.has((words[span.start - 1] ?? '').toLowerCase().replace(/\.$/, ''))) span.type = PLACE;
      else if (span.end - span.start === 1 && /^an?$/i.test(words[span.start - 1] ?? '')) span.type = MISC;
    }
  }
}

/**
 * A person span that ends in a given name, followed by a capitalised word that closes the sentence or
 * clause, takes that word as the surname: in a byline "By Cathy He" the "He" is no pronoun,
 * since a subject pronoun does not end a sentence. Spans are changed in place.
 */
export function surnamesAfterGivenNames(sentences: readonly (readonly string[])[], spans: TaggedSpan[][], known: WordKnowledge): void {
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    for (const span of spans[s]) {
      const next = span.end;
      if (span.type !== PERSON || next >= words.length || !(known.listBits(words[next - 1]) & LIST_BITS.given)) continue;
      // Any capitalised word but a listed place or company ("Cathy Denver" is rarer than "Cathy in Denver")
      // or a day or month ("Mary Monday.").
      const bits = known.listBits(words[next]);
      if (caseClass(words[next]) !== 1 || (bits & (LIST_BITS.place | LIST_BITS.company) && !(bits & LIST_BITS.name)) || CALENDAR.test(words[next])) continue;
      const after = words[next + 1];
      if (after !== undefined && !/^[,;:)]$/.test(after)) continue;
      if (spans[s].some((other) => other.start === next)) continue;
      span.end = next + 1;
    }
  }
}

/** A name ending in a place word is a place when listed as one ("Chapel Hill") or when its first word is nobody's name ("Capitol Hill"). */
function placeNamed(words: readonly string[], span: TaggedSpan, known: WordKnowledge): boolean {
  const first = known.listBits(words[span.start]);
  if (first & LIST_BITS.placeFirst && known.listBits(words[span.end - 1]) & LIST_BITS.placeRest) return true;
  return !(first & (LIST_BITS.given | LIST_BITS.name));
}

/** Whether a capitalised run `[start, end)` may be a speaker: not a listed place or company (unless also a given name), not a common word. */
function speakerLike(words: readonly string[], start: number, end: number, known: WordKnowledge): boolean {
  if (end - start > MAX_CUED_WORDS || end <= start) return false;
  // "The Commission said": a person's name does not follow an article or a possessive.
  // "The Commission said", "a police official in Liege said": a speaker's name does not follow an
  // article, a possessive or a preposition.
  const before = (words[start - 1] ?? '').toLowerCase();
  if (DETERMINERS.has(before) || LOCATIVES.has(before) || before === 'of') return false;
  for (let k = start; k < end; k++) if (known.mostlyLowercase(words[k])) return false;
  const first = known.listBits(words[start]);
  if (end - start === 1 && first & (LIST_BITS.place | LIST_BITS.company) && !(first & LIST_BITS.given)) return false;
  return true;
}

/** A word that can be part of a name: capitalised, with a lower-case letter after the first ("Pugh", "O'Keefe", not "AP" or "I"). */
function isNameWord(word: string | undefined): boolean {
  return word !== undefined && caseClass(word) === 1 && word.length > 1 && /^\p{Lu}[\p{L}'’.-]*$/u.test(word);
}

function capitalisedRunFrom(words: readonly string[], from: number): number {
  let end = from;
  while (end < words.length && end - from < MAX_CUED_WORDS && isNameWord(words[end])) end++;
  return end;
}

/** Start of the capitalised run ending before `end`, leaving out words that are no name ("The", "Yesterday"). */
function capitalisedRunTo(words: readonly string[], end: number, known: WordKnowledge): number {
  let start = end;
  while (start > 0 && end - start < MAX_CUED_WORDS && isNameWord(words[start - 1]) && !DETERMINERS.has(words[start - 1].toLowerCase()) &&
    !known.mostlyLowercase(words[start - 1])) start--;
  return start;
}
