import { caseClass } from './features';
import type { TaggedSpan } from './tags';

const PERSON = 0;
const ORGANIZATION = 1;
/**
 * Words that, right after a name (or its possessive), say the name is an organization. Decisive ones
 * settle it for every mention of the name ("Huawei CEO", "Qualcomm Inc", "Huawei's shareholders");
 * the others count as three votes ("Boatmen's stock"). "Spokesman" is neither: "Clinton spokesman".
 */
const DECISIVE_ORGANIZATION_CUES = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'co-founder', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'plc', 'llc', 'headquarters',
  'shareholders', 'subsidiary', 'shares',
]);
const ORGANIZATION_CUES = new Set([
  'founder', 'chairman', 'executives', 'employees', 'board', 'products', 'equipment', 'stock', 'profit', 'profits',
  'earnings', 'revenue', 'revenues', 'sales', 'unit', 'division', 'customers', 'stores', 'factory', 'plant',
]);
const DECISIVE = 1000;
/** Capitalised words that alone are dates: not a name on their own, not a surname when they open a person's name. */
const CALENDAR_WORDS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/**
 * Document-level label consistency: a name the tagger found once is the same name later. An untagged
 * occurrence of a multi-word name found elsewhere in the document takes that name's type, and so does
 * a capitalised surname of a person named in full ("Ren Zhengfei" ... "Ren") or of a person the context
 * named (`knownPersons`: "Ms Pugh" ... "Pugh"). `isGivenName` tells a known given name, which alone is
 * not a surname. Spans are changed in place.
 */
export function enforceDocumentConsistency(
  sentences: readonly (readonly string[])[],
  spans: TaggedSpan[][],
  isGivenName: (word: string) => boolean,
  knownPersons: ReadonlySet<string> = new Set(),
): void {
  const cues = organizationCues(sentences);
  voteOnTypes(sentences, spans, cues);
  const multiWord = new Map<string, number>();
  const surnames = new Map<string, number>();
  for (const word of knownPersons) if (!CALENDAR_WORDS.has(word)) surnames.set(word, PERSON);
  for (let s = 0; s < sentences.length; s++) {
    for (const span of spans[s]) {
      const words = sentences[s].slice(span.start, span.end);
      if (words.length < 2) continue;
      multiWord.set(words.join(' '), span.type);
      // Either end may be the family name ("Ren Zhengfei" ... "Ren"; "Donald Trump" ... "Trump"), but a
      // first word known as a given name ("Donald") is not taken for one.
      if (span.type !== PERSON) continue;
      const first = words[0];
      const last = words[words.length - 1];
      if (caseClass(last) === 1) surnames.set(last, PERSON);
      if (caseClass(first) === 1 && !isGivenName(first) && !CALENDAR_WORDS.has(first)) surnames.set(first, PERSON);
    }
  }
  // A month or weekday alone is a date, not a name ("July" heading a fixture list), unless it is the
  // surname of a person named in full in the document ("Theresa May" ... "May").
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    spans[s] = spans[s].filter((span) => span.end - span.start > 1 || !CALENDAR_WORDS.has(words[span.start]) ||
      (surnames.has(words[span.start]) && !readsAsDate(words, span.start)));
  }
  if (!multiWord.size && !surnames.size) return;
  let longest = 2;
  for (const key of multiWord.keys()) longest = Math.max(longest, key.split(' ').length);
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    const taken = new Uint8Array(words.length);
    for (const span of spans[s]) taken.fill(1, span.start, span.end);
    const added: TaggedSpan[] = [];
    for (let i = 0; i < words.length; i++) {
      // Names start with a capital (or a digit): other words cannot open a repeat, which saves the look-ups.
      if (taken[i] || words[i][0] === words[i][0].toLowerCase() && !/^\d/.test(words[i])) continue;
      let matched = false;
      // With no multi-word name found (a document of lone surnames) no repeat can match.
      for (let len = multiWord.size ? Math.min(longest, words.length - i) : 0; len >= 2 && !matched; len--) {
        if (anyTaken(taken, i, i + len)) continue;
        const type = multiWord.get(words.slice(i, i + len).join(' '));
        if (type === undefined) continue;
        added.push({ start: i, end: i + len, type });
        taken.fill(1, i, i + len);
        matched = true;
      }
      if (!matched && surnames.has(words[i]) && !(CALENDAR_WORDS.has(words[i]) && readsAsDate(words, i))) {
        added.push({ start: i, end: i + 1, type: PERSON });
        taken[i] = 1;
      }
    }
    for (const span of spans[s]) {
      // A lone surname the tagger typed otherwise (an ORG "Ren") is the person too.
      if (span.end - span.start === 1 && span.type !== PERSON && surnames.has(words[span.start]) && !readsAsDate(words, span.start)) span.type = PERSON;
      // A sentence that ended on an abbreviation ran into a surname: "... of the U.S. Meng has been accused".
      const last = span.end - 1;
      if (span.type !== PERSON && last > span.start && words[last - 1].endsWith('.') && surnames.has(words[last])) {
        span.end = last;
        added.push({ start: last, end: last + 1, type: PERSON });
      }
    }
    if (added.length) spans[s] = [...spans[s], ...added].sort((a, b) => a.start - b.start);
  }
  // Spans cut or added above take their name's type too.
  voteOnTypes(sentences, spans, cues);
}

/** Whether any token in `[from, to)` is already in a name (a loop: this runs at every capitalised word). */
function anyTaken(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken[k]) return true;
  return false;
}

/** An organization cue in a document: the words it follows end before token `end` of sentence `sentence`. */
interface OrganizationCue {
  sentence: number;
  end: number;
  weight: number;
}

/** The document's organization cues (see the cue lists), found once for both votes. */
function organizationCues(sentences: readonly (readonly string[])[]): OrganizationCue[] {
  const cues: OrganizationCue[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    for (let i = 1; i < words.length; i++) {
      const cue = words[i].toLowerCase();
      const weight = DECISIVE_ORGANIZATION_CUES.has(cue) ? DECISIVE : ORGANIZATION_CUES.has(cue) ? 3 : 0;
      if (!weight) continue;
      cues.push({ sentence: s, end: /^['’]s$/.test(words[i - 1]) ? i - 1 : i, weight });
    }
  }
  return cues;
}

/**
 * One written name, one type per document: every mention of the same string takes the type most of
 * its mentions got, where organization cues after a mention ("Huawei CEO") weigh more (see the cue lists).
 */
function voteOnTypes(sentences: readonly (readonly string[])[], spans: TaggedSpan[][], cues: readonly OrganizationCue[]): void {
  const votes = new Map<string, number[]>();
  const first = new Map<string, number>();
  const keyOf = (s: number, span: TaggedSpan) => sentences[s].slice(span.start, span.end).join(' ');
  for (let s = 0; s < sentences.length; s++) {
    for (const span of spans[s]) {
      const key = keyOf(s, span);
      let tally = votes.get(key);
      if (!tally) votes.set(key, (tally = [0, 0, 0, 0]));
      tally[span.type] += 1;
      if (!first.has(key)) first.set(key, span.type);
    }
  }
  // Cues count wherever the name is written before them, tagged or not ("Huawei CEO Breaks Silence").
  for (const { sentence, end, weight } of cues) {
    const words = sentences[sentence];
    for (let len = 1; len <= 4 && len <= end; len++) {
      const tally = votes.get(words.slice(end - len, end).join(' '));
      if (tally) tally[ORGANIZATION] += weight;
    }
  }
  for (let s = 0; s < sentences.length; s++) {
    for (const span of spans[s]) {
      const key = keyOf(s, span);
      const tally = votes.get(key)!;
      // Ties go to the type of the name's first mention, so all mentions agree.
      let best = first.get(key)!;
      for (let t = 0; t < tally.length; t++) if (tally[t] > tally[best]) best = t;
      span.type = best;
    }
  }
}

/** Whether a month or weekday word at `i` is used as a date: "in May", "May 3", "last May". */
function readsAsDate(words: readonly string[], i: number): boolean {
  if (!CALENDAR_WORDS.has(words[i])) return false;
  const before = (words[i - 1] ?? '').toLowerCase();
  return /^\d/.test(words[i + 1] ?? '') || /^(?:in|on|since|until|till|by|from|of|last|next|this|early|late|mid|before|after|during|through|to)$/.test(before);
}
