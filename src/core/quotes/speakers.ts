import type { Span } from '../types';
import { CUE_PATTERN, SPEAKER_AFTER_CUE } from './cues';
import type { QuoteSpan } from './quoteSpans';

/** The speaker mention found for one quote and the cue that introduced it. */
export interface SpeakerMention {
  span: Span;
  cue: string;
  kind: 'name' | 'pronoun' | 'description';
}

const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*\.?)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:de|van|von|der|al|bin|la|le|del|da|di|du|dos)\s+)?${NAME_WORD})*`;
const PRONOUN = String.raw`(?:he|she|they|we|I|it|you|He|She|They|We|It|You)`;
const DETERMINER = /^(?:the|a|an|one|another|his|her|its|their|our|my|your|this|that|these|those|some|many|several|two|three|four|other|each|both|all|most|former|The|A|An|One|Another|His|Her|Its|Their|Our|My|This|That|These|Those|Some|Many|Several|Two|Three|Four|Other|Each|Both|All|Most|Former)$/;
/** Words between a speaker and the cue verb: "he also said", "Smith has repeatedly argued". */
const BETWEEN = String.raw`(?:himself|herself|themselves|also|then|later|previously|once|again|recently|repeatedly|often|even|reportedly|publicly|privately|earlier|further|simply|quickly|has|had|have|was|is|were|are|would|will|could|had|did|does|do|never|always|just|first|last|still|only|flatly|bluntly|angrily|frankly)`;
/** Clause-opening words that are capitalized but no part of a name. */
const NOT_NAME_START = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'For', 'So', 'Yet', 'Then', 'When', 'While', 'As', 'If',
  'Still', 'Also', 'Now', 'Later', 'Meanwhile', 'However', 'Instead', 'After', 'Before', 'Asked', 'Speaking', 'Said', 'Says', 'According',
  'Or', 'Because', 'Although', 'Though', 'Since', 'Even', 'Last', 'This', 'That', 'On', 'By', 'From', 'With', 'Without', 'Here', 'There']);

const FUNCTION_WORD = /^(?:to|that|and|or|but|of|in|on|at|for|with|by|from|as|than|then|which|who|whom|whose|what|when|where|if|not|be|been|being|is|was|are|were|the|a|an)$/;
/** Heads of speaker descriptions that need no determiner: "White House spokesman", "officials". */
const ROLE_NOUN = /^(?:spokes(?:man|woman|person|people|men|women)|officials?|ministers?|presidents?|analysts?|sources?|aides?|advisers?|advisors?|lawyers?|attorneys?|directors?|members?|executives?|leaders?|chairman|chairwoman|secretary|secretaries|senators?|representatives?|experts?|economists?|researchers?|critics?|supporters?|voters?|residents?|officers?|organizers?|campaign|police|authorities|statement|report|study|survey|poll|editorial|memo|letter|website|group|committee)$/;
/** Openings of a clause-initial adverbial, which is not the speaker: "In an interview, Smith, the CEO, said". */
const ADVERBIAL_OPENING = /^(?:In|On|At|After|Before|When|While|During|Since|Asked|Speaking|Later|Earlier|But|And|Meanwhile|However|Still|Yet|Now|Then|Also|Last|This|Next|For|From|With|Without|As|Despite|Although|Though|Because|If|Of|By|Instead|Indeed|Yesterday|Today|\d)/;
/** Cues whose next noun is the hearer, not the speaker: "told Reuters", "asked reporters". */
const TAKES_OBJECT = /^(?:told|tells|tell|telling|asked|asks|ask|asking|urged|urges|urging)$/;
/** "Clinton: “Our goal is ...”": a name and a colon introduce the quote. */
const NAME_COLON = new RegExp(String.raw`^\s*(${NAME})\s*:\s*$`, 'u');
const CUE_AT_START = new RegExp(String.raw`^[\s,.!?;:—–\-]*((?:${BETWEEN}\s+)*)(${CUE_PATTERN})\b`, 'u');
// The subject may hold the full stop of a title or initial ("Sen. Marco Rubio (R-Fla.) said"), not a sentence end.
const SUBJECT_CHAR = String.raw`(?:[^"“”.!?;:]|(?<=(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|St|Prof|Rev|\p{Lu}|[A-Z]-[A-Z][a-z]{1,4}))\.)`;
const SUBJECT_THEN_CUE = new RegExp(String.raw`^[\s,.!?;:—–\-]*(${SUBJECT_CHAR}{1,200}?)\s+(?:${BETWEEN}\s+)*(${CUE_PATTERN})\b`, 'u');
const TRAILING_CUE = new RegExp(String.raw`[,;]\s*(${PRONOUN}|${NAME})\s+(?:${BETWEEN}\s+)*(${CUE_PATTERN})\b`, 'u');
// Not inside a compound: "so-called" holds no cue.
const ANY_CUE = new RegExp(String.raw`(?<![\p{L}\-'’])(${CUE_PATTERN})\b`, 'gu');
const NAME_AT_END = new RegExp(String.raw`(${NAME})$`, 'u');
const NAME_AT_START = new RegExp(String.raw`^(${NAME})`, 'u');
/** "said undecided Republican voter Stephanie Hooton": lowercase words before the name belong to it. */
const PREMODIFIED_NAME_AT_START = new RegExp(String.raw`^((?:[a-z][\p{L}'’\-]*\s+){1,4}${NAME})`, 'u');
const PRONOUN_AT_END = new RegExp(String.raw`(?:^|[^\p{L}])(${PRONOUN})$`, 'u');
const PRONOUN_AT_START = new RegExp(String.raw`^(${PRONOUN})(?![\p{L}])`, 'u');
/** Time phrases between a speaker and the cue: "Trump, ..., on Friday described". */
const TIME_PHRASE = String.raw`(?:(?:on|last|this|early|late|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|morning|afternoon|evening|year|month|today|yesterday|tonight)`;
const TRAILING_BETWEEN = new RegExp(String.raw`(?:\s+(?:${BETWEEN}|${TIME_PHRASE}))+\s*$`, 'u');
const WORDS_AT_END = /((?:[\p{L}\p{N}'’\-]+\s+){0,6}[\p{L}\p{N}'’\-]+)$/u;
const DESCRIPTION_AT_START = /^((?:the|a|an|one|another|his|her|its|their|The|A|An|One|Another|His|Her|Its|Their)\s+(?:[\p{L}\p{N}'’\-]+\s+){0,5}?[\p{L}\p{N}'’\-]+)(?=\s*(?:[,.;:!?)]|$|\s+(?:who|of|at|for|in|with|on|to|from|as|and)\b))/u;
const SENTENCE_END = /[.!?]["”’)]*\s+(?=["“\p{Lu}])/gu;
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Lt|Col|Sgt|Capt|Jr|Sr|Inc|Corp|Co|Ltd|Prof|Rev|Hon|No|vs|U\.S|U\.N|U\.K|[A-Z])\.$/;
/** How far around a quote the speaker is looked for, in code units. */
/** A subordinate clause and its comma at the start of a would-be subject ("although not an Australian one, "). */
const SUBORDINATE_CLAUSE = /^\s*(?:although|though|while|whereas|because|since|unless|even if|even though)\b[^,]*,\s*/u;
const AFTER_WINDOW = 240;
const BEFORE_WINDOW = 400;

/**
 * The speaker of the quote `q`: first the clause right after the quote (`"...," he said`, `"...," said
 * Smith`, `"...," Smith, the CEO, added`), then the clause before it (`Smith said:`, `Smith told reporters
 * that "..."`, `according to Smith, "..."`). Returns null when neither holds a cue verb with a speaker.
 */
export function findSpeakerMention(text: string, q: QuoteSpan): SpeakerMention | null {
  return speakerAfter(text, q) ?? speakerBefore(text, q);
}

function speakerAfter(text: string, q: QuoteSpan): SpeakerMention | null {
  let stop = Math.min(q.paragraphEnd, q.end + AFTER_WINDOW);
  const nextQuote = text.slice(q.end, stop).search(/["“”]/);
  if (nextQuote >= 0) stop = q.end + nextQuote;
  const after = text.slice(q.end, stop);
  if (!after) return null;
  const inverted = CUE_AT_START.exec(after);
  if (inverted) {
    const cueEnd = inverted.index + inverted[0].length;
    const mention = mentionAtStart(after.slice(cueEnd), q.end + cueEnd);
    if (mention) return { ...mention, cue: inverted[2] };
  }
  const endsSentence = /[.!?…][’']?["”]?$/.test(text.slice(q.start, q.end)) && /^\s*["“]?\p{Lu}/u.test(after);
  const m = SUBJECT_THEN_CUE.exec(after);
  if (!m) return endsSentence ? null : trailingAttribution(after, q.end);
  if (endsSentence && (m[1].includes(',') || m[1].trim().split(/\s+/).length > 4)) return null;
  // `"...." She further announced that ...` starts a new statement rather than closing this one.
  if (endsSentence && /^\s+(?:that\b|[^.!?]{60})/.test(after.slice(m.index + m[0].length))) return null;
  const subjectStart = q.end + m.index + m[0].indexOf(m[1]);
  const subject = m[1];
  // "“...,” although not an Australian one, a source said": a clause opened by a subordinator is no
  // subject; the speaker is what follows its comma.
  const subordinate = SUBORDINATE_CLAUSE.exec(subject);
  if (subordinate) {
    const tailStart = subjectStart + subordinate[0].length;
    const tail = subject.slice(subordinate[0].length);
    const inTail = tail.includes(',') ? null : mentionAtStart(tail, tailStart);
    return inTail ? { ...inTail, cue: m[2] } : trailingAttribution(after, q.end);
  }
  // "Podesta, who is now chairman of the campaign, said": the speaker is the part before the apposition.
  const comma = subject.indexOf(',');
  const head = comma >= 0 ? subject.slice(0, comma) : subject;
  if (comma < 0 && subject.trim().split(/\s+/).length > 6) return trailingAttribution(after, q.end);
  if (comma >= 0 && head.trim().split(/\s+/).length > 5) return trailingAttribution(after, q.end);
  // "...," Clinton spokesman Josh Schwerin said: the name right before the cue is the speaker.
  const mention = (comma >= 0 ? null : mentionAtEnd(head.replace(/\s*\([^()]{1,40}\)\s*$/, ''), subjectStart)) ?? mentionAtStart(head, subjectStart);
  if (!mention) return trailingAttribution(after, q.end);
  if (comma < 0 && mention.span.end - subjectStart < head.trimEnd().length && mention.kind !== 'description') {
    // Words between the mention and the cue that are no part of it: "...," Smith told reporters is fine,
    // but "...," the bill that Smith said is not this quote's speaker.
    const rest = head.slice(mention.span.end - subjectStart).trim();
    if (rest && !/^(?:\([^)]*\)|'s|’s)$/.test(rest)) return trailingAttribution(after, q.end);
  }
  return { ...mention, cue: m[2] };
}

/** "Democrats had “put the biggest crack” in it, she said in a message.": the attribution closes the sentence. */
function trailingAttribution(after: string, offset: number): SpeakerMention | null {
  const sentenceEnd = after.search(/[.!?](?:\s|$)/);
  const sentence = sentenceEnd >= 0 ? after.slice(0, sentenceEnd + 1) : after;
  const m = TRAILING_CUE.exec(sentence);
  if (!m) return null;
  const start = offset + m.index + m[0].indexOf(m[1]);
  const mention = PRONOUN_AT_START.test(m[1]) ? ({ span: { start, end: start + m[1].length }, kind: 'pronoun' } as const) : trimNameStart(m[1], start);
  return mention ? { ...mention, cue: m[2] } : null;
}

/**
 * The speaker announced at the end of the paragraph `[start, end)`, for a quote that opens the next one:
 * `Cruz continued:` or `Carter said that ...`.
 */
export function findSpeakerLeadingInto(text: string, start: number, end: number): SpeakerMention | null {
  return speakerBefore(text, { start: end, end, paragraphStart: start, paragraphEnd: end, opensParagraph: false, unclosed: false });
}

function speakerBefore(text: string, q: QuoteSpan): SpeakerMention | null {
  const from = clauseStart(text, q);
  const before = text.slice(from, q.start);
  let last: RegExpExecArray | null = null;
  ANY_CUE.lastIndex = 0;
  for (let m = ANY_CUE.exec(before); m; m = ANY_CUE.exec(before)) {
    // "to announce", "as if to say": an infinitive has no subject of its own.
    if (!/\bto\s+$/.test(before.slice(Math.max(0, m.index - 4), m.index))) last = m;
  }
  if (!last) {
    const colon = NAME_COLON.exec(before);
    if (colon) {
      const start = from + before.indexOf(colon[1]);
      const name = trimNameStart(colon[1], start);
      if (name) return { ...name, cue: '' };
    }
    return sentenceSubject(before, from);
  }
  const cue = last[1];
  const cueStart = from + last.index;
  const cueEnd = cueStart + cue.length;
  if (SPEAKER_AFTER_CUE.test(cue)) {
    const mention = mentionAtStart(text.slice(cueEnd, q.start).replace(/^\s+/, (s) => ' '.repeat(s.length)), cueEnd);
    return mention ? { ...mention, cue } : null;
  }
  let left = text.slice(from, cueStart);
  // "Dianne Feinstein (D-Calif.) last week said": adverbs, time phrases and a party tag stand between.
  left = left.replace(TRAILING_BETWEEN, '').trimEnd().replace(/\s*\([^()]{1,40}\)$/, '');
  let mention: Omit<SpeakerMention, 'cue'> | null = null;
  // "She escalated her criticism, telling CNN that ...": a participle's speaker is the clause's subject.
  const participle = /ing$/.test(cue) && left.endsWith(',');
  if (left.endsWith(',') && !participle) mention = appositionHead(left.slice(0, -1), from);
  if (!participle) mention ??= mentionAtEnd(left, from);
  const passive = /^\s+by\s+/.exec(text.slice(cueEnd, q.start));
  if (passive) mention = mentionAtStart(text.slice(cueEnd + passive[0].length, q.start), cueEnd + passive[0].length) ?? mention;
  if (!mention && !participle && !TAKES_OBJECT.test(cue)) {
    // "said Smith:" puts the speaker after the cue.
    const inverted = mentionAtStart(text.slice(cueEnd, q.start), cueEnd);
    if (inverted && /^\s*[,:]/.test(text.slice(inverted.span.end, q.start))) mention = inverted;
  }
  if (!mention) return sentenceSubject(text.slice(from, q.start), from);
  return { ...mention, cue };
}

const SUBJECT_VERB = String.raw`(?=\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|have|will|would|could|can|did|does|also|then|later|fired|went|made|took|gave|put|spoke|sent|got|seemed|sought|wants|thinks|thought|believes|believed|began|wrote|told|said|felt|kept|left|brought|ran|became|won|lost|held|found|stood)\b)`;
const NAME_SUBJECT = new RegExp(String.raw`^(${NAME})${SUBJECT_VERB}`, 'u');
/** "Republican presidential candidate Donald Trump has ...": premodifiers before the name. */
const PREMODIFIED_NAME_SUBJECT = new RegExp(String.raw`^(?:[\p{L}\p{N}'’.\-]+\s+){1,5}?(${NAME})(?:\s*\([^()]{1,40}\))?${SUBJECT_VERB}`, 'u');
/** "Huma Abedin, vice chairwoman for the campaign, emailed ...": a name and its apposition open the sentence. */
const NAME_APPOSITION_SUBJECT = new RegExp(String.raw`^(${NAME}),\s+(?:a|an|the|who|whose|\p{Ll})`, 'u');
const PRONOUN_SUBJECT = new RegExp(String.raw`^(${PRONOUN})${SUBJECT_VERB}`, 'u');
const DESCRIPTION_SUBJECT = new RegExp(String.raw`^((?:the|a|an|The|A|An|His|Her|Its|Their)\s+(?:[\p{L}'’\-]+\s+){0,3}?[\p{L}'’\-]+)${SUBJECT_VERB}`, 'u');

/** No cue: the quote is a partial one inside a sentence whose subject ("Rubio fired back:") said it. */
function sentenceSubject(before: string, offset: number): SpeakerMention | null {
  if (!before.trim()) return null;
  const intro = /^[^,]{0,60},\s*/.exec(before);
  for (const skip of intro ? [0, intro[0].length] : [0]) {
    const lead = before.slice(skip).length - before.slice(skip).trimStart().length;
    const clause = before.slice(skip + lead);
    const start = offset + skip + lead;
    const pronoun = PRONOUN_SUBJECT.exec(clause);
    if (pronoun) return { span: { start, end: start + pronoun[1].length }, kind: 'pronoun', cue: '' };
    const name = NAME_SUBJECT.exec(clause) ?? (skip === 0 ? NAME_APPOSITION_SUBJECT.exec(clause) : null);
    if (name) {
      const found = trimNameStart(name[1], start);
      if (found) return { ...found, cue: '' };
    }
    const premodified = PREMODIFIED_NAME_SUBJECT.exec(clause);
    if (premodified) {
      const at = start + premodified[0].lastIndexOf(premodified[1]);
      const found = trimNameStart(premodified[1], at);
      if (found) return { ...found, cue: '' };
    }
    const description = DESCRIPTION_SUBJECT.exec(clause);
    if (description) return { span: { start, end: start + description[1].length }, kind: 'description', cue: '' };
  }
  return null;
}

/** "Mike Murphy, who ran a super PAC, said": the name before the first comma of the clause's subject. */
function appositionHead(left: string, offset: number): Omit<SpeakerMention, 'cue'> | null {
  const parts = left.split(',');
  // The subject opens the clause ("Cory James, 22, of Flint, Mich., said"), unless an adverbial comes first.
  let segmentStart = 0;
  for (let i = 0; i < parts.length - 1; i++) {
    const segment = parts[i];
    const trimmed = segment.trim();
    if (trimmed && !ADVERBIAL_OPENING.test(trimmed)) {
      const found = mentionAtEnd(parts.slice(0, i + 1).join(','), offset);
      if (found && found.span.start >= offset + segmentStart) return found;
      break;
    }
    segmentStart += segment.length + 1;
  }
  for (let i = parts.length - 2; i >= 0; i--) {
    const upTo = parts.slice(0, i + 1).join(',');
    const stripped = upTo.replace(/\s*\([^()]*\)\s*$/, '');
    const found = mentionAtEnd(stripped, offset);
    if (found) return found;
  }
  return null;
}

/** A speaker mention ending where `left` ends: a name, a pronoun or a description. */
function mentionAtEnd(left: string, offset: number): Omit<SpeakerMention, 'cue'> | null {
  const trimmed = left.trimEnd();
  if (!trimmed || /[,;:]$/.test(trimmed)) return null;
  const pronoun = PRONOUN_AT_END.exec(trimmed);
  if (pronoun) {
    const start = offset + trimmed.length - pronoun[1].length;
    return { span: { start, end: start + pronoun[1].length }, kind: 'pronoun' };
  }
  const name = NAME_AT_END.exec(trimmed);
  if (name && !/['’]s$/.test(name[1])) {
    const found = trimNameStart(name[1], offset + name.index);
    if (found) return found;
  }
  const words = WORDS_AT_END.exec(trimmed);
  if (!words) return null;
  const list = words[1].split(/\s+/);
  let first = list.length - 1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (DETERMINER.test(list[i]) || /['’]s$/.test(list[i])) {
      first = i;
      // The possessor belongs to the description: "the company's spokesman".
      if (/['’]s$/.test(list[i]) && i > 0 && /^(?:the|The|a|A)$/.test(list[i - 1])) first = i - 1;
      break;
    }
  }
  const head = list[list.length - 1];
  if (!/^[a-z]/.test(head) || FUNCTION_WORD.test(head)) return null;
  if (first === list.length - 1 && !DETERMINER.test(list[first]) && !ROLE_NOUN.test(head)) return null;
  const text = list.slice(first).join(' ');
  const start = offset + trimmed.length - text.length;
  if (trimmed.slice(start - offset) !== text) {
    const end = offset + trimmed.length;
    const lastWord = list[list.length - 1];
    return { span: { start: end - lastWord.length, end }, kind: 'description' };
  }
  return { span: { start, end: start + text.length }, kind: 'description' };
}

/** A speaker mention starting where `right` starts (after a cue): "said Smith", "according to the police". */
function mentionAtStart(right: string, offset: number): Omit<SpeakerMention, 'cue'> | null {
  const lead = right.length - right.trimStart().length;
  const body = right.slice(lead);
  const start = offset + lead;
  const pronoun = PRONOUN_AT_START.exec(body);
  if (pronoun) return { span: { start, end: start + pronoun[1].length }, kind: 'pronoun' };
  const description = DESCRIPTION_AT_START.exec(body);
  if (description) return { span: { start, end: start + description[1].length }, kind: 'description' };
  const name = NAME_AT_START.exec(body) ?? PREMODIFIED_NAME_AT_START.exec(body);
  if (name) return trimNameStart(name[1].replace(/['’]s$/, ''), start);
  return null;
}

/** Drops clause-opening words ("But", "The") from a capitalized run; null when nothing is left. */
function trimNameStart(name: string, start: number): Omit<SpeakerMention, 'cue'> | null {
  let s = start;
  let rest = name;
  for (;;) {
    const word = /^\S+/.exec(rest)?.[0] ?? '';
    if (!NOT_NAME_START.has(word)) break;
    const next = rest.slice(word.length).trimStart();
    s += rest.length - next.length;
    rest = next;
  }
  rest = rest.replace(/[.\-]+$/, (tail) => (/\b\p{Lu}\.$/u.test(rest) || /(?:Jr|Sr)\.$/.test(rest) ? tail : ''));
  if (!rest || !/\p{L}/u.test(rest)) return null;
  return { span: { start: s, end: s + rest.length }, kind: 'name' };
}

/** Where the clause holding the quote's opening mark begins: its sentence, after any earlier quote. */
function clauseStart(text: string, q: QuoteSpan): number {
  const windowStart = Math.max(q.paragraphStart, q.start - BEFORE_WINDOW);
  const before = text.slice(windowStart, q.start);
  let from = 0;
  const lastMark = Math.max(before.lastIndexOf('”'), before.lastIndexOf('"'));
  if (lastMark >= 0) from = lastMark + 1;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) {
    if (!ABBREVIATION.test(before.slice(Math.max(0, m.index - 6), m.index + 1))) from = m.index + m[0].length;
  }
  return windowStart + from;
}
