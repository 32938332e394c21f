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
export function resolveSpeaker(text: string, mention: SpeakerMention, entities: readonly EntityMention[], lastNamed: string | null): ResolvedSpeaker {
  const { span } = mention;
  const overlapping = entities.filter((e) => e.start < span.end && span.start < e.end && (e.type === 'person' || e.type === 'organization'));
  const person = overlapping.find((e) => e.type === 'person') ?? (mention.kind === 'name' ? overlapping[0] : undefined);
  if (person) return { span: { start: person.start, end: person.end }, name: person.name };
  const written = text.slice(span.start, span.end);
  if (mention.kind === 'pronoun') {
    const wantsPerson = PERSON_PRONOUN.test(written);
    const wantsThing = THING_PRONOUN.test(written);
    for (let i = entities.length - 1; i >= 0; i--) {
      const e = entities[i];
      if (e.end > span.start) continue;
      if ((wantsPerson && e.type === 'person') || (wantsThing && e.type === 'organization')) return { span, name: e.name };
    }
    return { span, name: wantsPerson ? lastNamed : null };
  }
  if (mention.kind === 'name' && !/\s/.test(written)) return { span, name: fullerName(text, written, span.start) };
  return { span, name: written };
}

/** "Smith" after "John Smith" earlier in the text is John Smith. */
function fullerName(text: string, surname: string, before: number): string {
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(String.raw`${NAME_WORDS}${escaped}(?![\p{L}])`, 'u').exec(text.slice(0, before));
  if (!m) return surname;
  return m[0].replace(/^(?:The|A|An|But|And|In|On|At|For|So|When|While|As|If|Mr\.|Mrs\.|Ms\.|Dr\.)\s+/, '');
}
