import type { EntityMention, Span } from '../types';
import type { SpeakerMention } from './speakers';

/** A speaker mention tied to the entity it names, when there is one. */
export interface ResolvedSpeaker {
  span: Span;
  name: string | null;
}

const PERSON_PRONOUN = /^(?:he|she|him|her|i|we|they)$/i;
const THING_PRONOUN = /^(?:it|they|we)$/i;
const NAME_WORDS = String.raw`(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?\s+){1,3}`;

/**
 * Ties a speaker mention to a name. A person (or organization) entity overlapping the mention becomes the
 * span and gives its canonical name; a pronoun takes the nearest compatible entity before it (failing that,
 * the last named speaker); a bare surname takes the fuller name written earlier in the text.
 */
export function resolveSpeaker(
  text: string,
  mention: SpeakerMention,
  entities: readonly EntityMention[],
  lastNamed: string | null,
  fullerNames: Map<string, string> = new Map(),
): ResolvedSpeaker {
  const { span } = mention;
  const firstAfter = firstEndingAfter(entities, span.start);
  const overlapping: EntityMention[] = [];
  for (let i = firstAfter; i < entities.length && entities[i].start < span.end; i++) {
    const e = entities[i];
    if (span.start < e.end && (e.type === 'person' || e.type === 'organization')) overlapping.push(e);
  }
  const person = overlapping.find((e) => e.type === 'person') ?? (mention.kind === 'name' ? overlapping[0] : undefined);
  if (person) return { span: { start: person.start, end: person.end }, name: person.name };
  const written = text.slice(span.start, span.end);
  if (mention.kind === 'pronoun') {
    const wantsPerson = PERSON_PRONOUN.test(written);
    const wantsThing = THING_PRONOUN.test(written);
    for (let i = firstAfter - 1; i >= 0; i--) {
      const e = entities[i];
      if ((wantsPerson && e.type === 'person') || (wantsThing && e.type === 'organization')) return { span, name: e.name };
    }
    return { span, name: wantsPerson ? lastNamed : null };
  }
  if (mention.kind === 'name' && !/\s/.test(written)) {
    // One look per surname and text: the first fuller form found stands for the rest of the article.
    let fuller = fullerNames.get(written);
    if (fuller === undefined) fullerNames.set(written, (fuller = fullerName(text, written, span.start)));
    return { span, name: fuller };
  }
  return { span, name: written };
}

/** Index of the first entity (sorted by start, not overlapping) whose end is after `offset`. */
function firstEndingAfter(entities: readonly EntityMention[], offset: number): number {
  let low = 0;
  let high = entities.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entities[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How far back a fuller form of a surname is looked for, so that long texts stay linear. */
const FULLER_NAME_WINDOW = 5_000;

/** "Smith" after "John Smith" earlier in the text is John Smith. */
function fullerName(text: string, surname: string, before: number): string {
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const window = text.slice(Math.max(0, before - FULLER_NAME_WINDOW), before);
  // Western order ("John Smith") first, then family name first ("Ren Zhengfei").
  const m =
    new RegExp(String.raw`${NAME_WORDS}${escaped}(?![\p{L}])`, 'u').exec(window) ??
    new RegExp(String.raw`(?<![\p{L}])${escaped}(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*){1,2}(?![\p{L}'’])`, 'u').exec(window);
  if (!m) return surname;
  return m[0].replace(/^(?:The|A|An|But|And|In|On|At|For|So|When|While|As|If|Mr\.|Mrs\.|Ms\.|Dr\.)\s+/, '');
}
