/**
 * A claim is an `assessing` W3C annotation on the passage that states it (no format of its own):
 * - the verdict is a TextualBody `{purpose: 'assessing', value: <label of the rating scale>}`;
 * - reviewer notes are `commenting` bodies, in the order they were added;
 * - the status is a `classifying` body whose value is one of {@link CLAIM_STATUS_VALUES}
 *   (`news:ClaimUnchecked`, `news:ClaimInProgress`, `news:ClaimVerdictGiven`). A classifying body on an
 *   `assessing` annotation is not a correction (corrections are `classifying`/`editing` annotations),
 *   other W3C tools keep it as an ordinary body, and the store schema accepts it unchanged. An
 *   assessing annotation without one (made by "Assess…" or imported) reads as "verdict given" when
 *   it has a verdict, else "unchecked".
 */
import type { Span } from '../types';
import { type Annotation, type ArticleTarget, type TextualBody, createAnnotation, reviseAnnotation, verdictOf } from '../annotations/model';

/** Where a claim is in the fact-checker's work. */
export type ClaimStatus = 'unchecked' | 'inProgress' | 'verdictGiven';

/** Every status, in the order a claim moves through them. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['unchecked', 'inProgress', 'verdictGiven'];

/** The body value recording each status. */
export const CLAIM_STATUS_VALUES: Readonly<Record<ClaimStatus, string>> = {
  unchecked: 'news:ClaimUnchecked',
  inProgress: 'news:ClaimInProgress',
  verdictGiven: 'news:ClaimVerdictGiven',
};

/** What a person reads for each status. */
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unchecked: 'Unchecked',
  inProgress: 'In progress',
  verdictGiven: 'Verdict given',
};

const STATUS_OF_VALUE = new Map(CLAIM_STATUSES.map((s) => [CLAIM_STATUS_VALUES[s], s]));

/** True for an annotation that is a claim (any `assessing` annotation on a passage). */
export function isClaim(annotation: Annotation): boolean {
  return annotation.motivation === 'assessing' && typeof annotation.target !== 'string';
}

/** The status of a claim: its status body, else derived from whether it has a verdict. */
export function claimStatusOf(annotation: Annotation): ClaimStatus {
  for (const body of annotation.body) {
    const status = body.purpose === 'classifying' ? STATUS_OF_VALUE.get(body.value) : undefined;
    if (status) return status;
  }
  return verdictOf(annotation) === undefined ? 'unchecked' : 'verdictGiven';
}

/** The reviewer notes of a claim (its `commenting` bodies), oldest first. */
export function claimNotesOf(annotation: Annotation): string[] {
  return annotation.body.filter((b) => b.purpose === 'commenting' || b.purpose === undefined).map((b) => b.value);
}

/** Fields of a new claim. */
export interface NewClaim {
  readonly target: ArticleTarget;
  readonly creator?: string;
  /** A first reviewer note (optional). */
  readonly note?: string;
}

/** A new, unchecked claim on `target`. */
export function createClaim(fields: NewClaim, now?: Date): Annotation {
  return createAnnotation({
    motivation: 'assessing',
    target: fields.target,
    ...(fields.note?.trim() ? { text: fields.note.trim() } : {}),
    ...(fields.creator ? { creator: fields.creator } : {}),
    extraBodies: [statusBody('unchecked')],
  }, now);
}

/** The claim with `status` (other bodies kept). */
export function withClaimStatus(annotation: Annotation, status: ClaimStatus, now?: Date): Annotation {
  return reviseAnnotation(annotation, { body: [...withoutStatus(annotation.body), statusBody(status)] }, now);
}

/** The claim with `verdict` given: the verdict body replaced, the status set to "verdict given". */
export function withVerdict(annotation: Annotation, verdict: string, now?: Date): Annotation {
  const kept = withoutStatus(annotation.body).filter((b) => b.purpose !== 'assessing');
  return reviseAnnotation(annotation, { body: [...kept, { type: 'TextualBody', value: verdict, purpose: 'assessing' }, statusBody('verdictGiven')] }, now);
}

/** The claim with one more reviewer note (blank notes are ignored). */
export function withNote(annotation: Annotation, note: string, now?: Date): Annotation {
  const text = note.trim();
  if (!text) return annotation;
  return reviseAnnotation(annotation, { body: [...annotation.body, { type: 'TextualBody', value: text, purpose: 'commenting', format: 'text/plain' }] }, now);
}

function statusBody(status: ClaimStatus): TextualBody {
  return { type: 'TextualBody', value: CLAIM_STATUS_VALUES[status], purpose: 'classifying' };
}

function withoutStatus(bodies: readonly TextualBody[]): TextualBody[] {
  return bodies.filter((b) => !(b.purpose === 'classifying' && STATUS_OF_VALUE.has(b.value)));
}

/**
 * The passage to track for `[start, end)`: without the spaces, quote marks and the trailing comma or
 * colon around it (a quote's span keeps its marks, a selection often takes a space too).
 */
export function claimPassage(text: string, start: number, end: number): Span {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /[\s"“”„«»‹›'‘’]/u.test(text[s] as string)) s++;
  while (e > s && /[\s"“”„«»‹›'‘’,;:]/u.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}
