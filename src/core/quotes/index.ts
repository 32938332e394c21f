import type { EntityMention, QuoteMention, Span } from '../types';
import { findQuoteSpans, type QuoteSpan } from './quoteSpans';
import { resolveSpeaker } from './resolveSpeaker';
import { findSpeakerLeadingInto, findSpeakerMention, type SpeakerMention } from './speakers';

export { findQuoteSpans, type QuoteSpan } from './quoteSpans';
export { quoteExcerpt, unquote } from './excerpt';

interface Attribution {
  speaker: Span;
  speakerName: string | null;
  cue: string | null;
}

/**
 * Direct quotations in `text` and their speakers. Quotes are found by their double marks (see
 * {@link findQuoteSpans}); the speaker is the mention next to a cue verb after or before the quote.
 * A quote with no cue of its own takes the speaker of its neighbours in the same paragraph, and a
 * paragraph that opens with a quote continues the previous paragraph's speaker. `entities` (from the
 * NER, possibly empty) name the speakers; quotes overlapping `skip` spans are left out.
 */
export function findQuotes(text: string, entities: readonly EntityMention[], skip?: readonly Span[]): QuoteMention[] {
  const spans = findQuoteSpans(text, skip);
  const attributions: (Attribution | null)[] = [];
  let lastNamed: string | null = null;
  const fullerNames = new Map<string, string>();
  for (const q of spans) {
    const mention = findSpeakerMention(text, q);
    if (!mention) {
      attributions.push(null);
      continue;
    }
    const attribution = attribute(text, mention, entities, lastNamed, fullerNames);
    if (mention.kind === 'name' && attribution.speakerName) lastNamed = attribution.speakerName;
    attributions.push(attribution);
  }
  borrowFromNeighbours(spans, attributions);
  for (let i = 0; i < spans.length; i++) {
    if (attributions[i] || !spans[i].opensParagraph) continue;
    // A paragraph that is a quote and follows a paragraph announcing a speaker ("Cruz continued:").
    const lead = previousParagraph(text, spans[i].paragraphStart);
    const mention = lead && findSpeakerLeadingInto(text, lead.start, lead.end);
    if (mention) attributions[i] = attribute(text, mention, entities, lastNamed, fullerNames);
    for (let j = i + 1; mention && j < spans.length && !attributions[j] && spans[j].paragraphStart === spans[i].paragraphStart; j++) {
      attributions[j] = attributions[i];
    }
  }
  const quotes = spans.map((q, i) => {
    const a = attributions[i];
    return {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      speaker: a ? a.speaker : null,
      speakerText: a ? text.slice(a.speaker.start, a.speaker.end) : null,
      speakerName: a ? a.speakerName : null,
      cue: a ? a.cue : null,
    };
  });
  // A single quoted word nobody is said to have said is a scare quote or a title, not a quotation.
  return quotes.filter((q) => q.speaker || !SINGLE_WORD.test(q.text));
}

const SINGLE_WORD = /^\s*["“”]?\s*[^\s"“”]+\s*["“”]?\s*$/;

function attribute(
  text: string,
  mention: SpeakerMention,
  entities: readonly EntityMention[],
  lastNamed: string | null,
  fullerNames: Map<string, string>,
): Attribution {
  const resolved = resolveSpeaker(text, mention, entities, lastNamed, fullerNames);
  return { speaker: resolved.span, speakerName: resolved.name, cue: mention.cue || null };
}

/** The non-blank paragraph before the one starting at `paragraphStart`, or null. */
function previousParagraph(text: string, paragraphStart: number): Span | null {
  let end = paragraphStart - 1;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end <= 0) return null;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return { start, end };
}

/**
 * Fills quotes that have no cue of their own: `"A." "B," he said.` gives A to him (the next quote in the
 * paragraph); `"A," he said. "B."` gives B to him (the previous one); a paragraph that opens with a quote
 * continues the speaker of the previous paragraph's last quote.
 */
function borrowFromNeighbours(spans: readonly QuoteSpan[], attributions: (Attribution | null)[]): void {
  for (let i = spans.length - 2; i >= 0; i--) {
    if (!attributions[i] && attributions[i + 1] && spans[i + 1].paragraphStart === spans[i].paragraphStart && spans[i].opensParagraph) {
      attributions[i] = attributions[i + 1];
    }
  }
  for (let i = 1; i < spans.length; i++) {
    if (attributions[i] || !attributions[i - 1]) continue;
    const sameParagraph = spans[i - 1].paragraphStart === spans[i].paragraphStart;
    const continuesParagraph = spans[i].opensParagraph && isPreviousParagraph(spans[i - 1], spans[i]);
    if (sameParagraph || continuesParagraph) attributions[i] = attributions[i - 1];
  }
}

/** The earlier quote sits in the paragraph right before the later one's (blank lines between are fine). */
function isPreviousParagraph(earlier: QuoteSpan, later: QuoteSpan): boolean {
  return earlier.paragraphStart < later.paragraphStart && later.paragraphStart - earlier.paragraphEnd <= 4;
}
