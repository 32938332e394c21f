/**
 * The annotation model: the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * as JSON-LD, restricted to what News Annotator writes, plus a few terms of its own (`news:`).
 *
 * Replies are annotations of their own whose target is the parent annotation's id (as the W3C model
 * and Hypothesis do): each reply keeps its own creator, dates and merge history, and a thread is
 * derived with {@link threadsOf}.
 */

/** The W3C annotation context. */
export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** News Annotator's own vocabulary, mapped to an IRI so the files stay valid JSON-LD. */
export const NEWS_NAMESPACE = 'https://news-annotator.invalid/ns#';

/** The JSON-LD context of every annotation and store file written by News Annotator. */
export const ANNOTATION_CONTEXT: readonly [string, Readonly<Record<string, string>>] = [
  W3C_ANNOTATION_CONTEXT,
  {
    news: NEWS_NAMESPACE,
    status: 'news:status',
    orphaned: 'news:orphaned',
    formatVersion: 'news:formatVersion',
    article: 'news:article',
    deleted: 'news:deleted',
  },
];

/** Why an annotation was made (W3C motivations used by News Annotator). */
export type Motivation =
  | 'commenting'
  | 'questioning'
  | 'assessing'
  | 'tagging'
  | 'replying'
  | 'classifying'
  | 'editing';

/** The motivations a person picks for a comment on a passage. */
export const COMMENT_MOTIVATIONS: readonly Motivation[] = ['commenting', 'questioning', 'assessing', 'tagging'];

/** Role of one body: the text of a comment, a tag, a verdict, or the value of a correction. */
export type BodyPurpose = 'commenting' | 'tagging' | 'assessing' | 'classifying' | 'editing' | 'identifying' | 'replying' | 'questioning';

/** A W3C TextualBody. */
export interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly purpose?: BodyPurpose;
  readonly format?: 'text/plain' | 'text/markdown';
}

/** W3C TextQuoteSelector: the quoted text with up to {@link CONTEXT_LENGTH} characters either side. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the article text (end exclusive). */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** Characters of context kept before and after a quote. */
export const CONTEXT_LENGTH = 32;

/** A passage (or the whole) of an article; `source` is the path relative to the workspace folder, `/`-separated. */
export interface ArticleTarget {
  readonly source: string;
  /** Absent for an annotation on the whole article (e.g. "Set outlet"). */
  readonly selector?: readonly Selector[];
}

/** An annotation's target: a passage of an article, or (for a reply) the parent annotation's id. */
export type AnnotationTarget = ArticleTarget | string;

/** The author of an annotation. */
export interface Creator {
  readonly type: 'Person' | 'Software';
  readonly name: string;
}

/** Open or resolved, as in a review thread. */
export type AnnotationStatus = 'open' | 'resolved';

/** One annotation, as stored and exported. */
export interface Annotation {
  readonly '@context'?: unknown;
  /** `urn:uuid:...` for annotations made here; imported ids are kept as they are. */
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: Motivation;
  /** ISO 8601 date-times (UTC). */
  readonly created: string;
  readonly modified: string;
  readonly creator?: Creator;
  readonly body: readonly TextualBody[];
  readonly target: AnnotationTarget;
  readonly status?: AnnotationStatus;
  /** Set only on export, for an annotation that could not be anchored in the current text. */
  readonly orphaned?: boolean;
}

/** A fresh `urn:uuid:` id (Web Crypto, available in Node 20 and browsers). */
export function newAnnotationId(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}

/** Fields a person chooses when making an annotation. */
export interface NewAnnotation {
  readonly motivation: Motivation;
  readonly target: AnnotationTarget;
  readonly text?: string;
  readonly tags?: readonly string[];
  /** The verdict of an `assessing` annotation, one label of the configured rating scale. */
  readonly verdict?: string;
  readonly creator?: string;
  readonly extraBodies?: readonly TextualBody[];
  readonly id?: string;
}

/** Builds an annotation with a new id and `created` = `modified` = `now`. */
export function createAnnotation(fields: NewAnnotation, now: Date = new Date()): Annotation {
  const stamp = now.toISOString();
  const body: TextualBody[] = [];
  if (fields.text !== undefined && fields.text !== '') {
    body.push({ type: 'TextualBody', value: fields.text, purpose: textPurpose(fields.motivation), format: 'text/plain' });
  }
  if (fields.verdict !== undefined) body.push({ type: 'TextualBody', value: fields.verdict, purpose: 'assessing' });
  for (const tag of normalizeTags(fields.tags ?? [])) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push(...(fields.extraBodies ?? []));
  return {
    id: fields.id ?? newAnnotationId(),
    type: 'Annotation',
    motivation: fields.motivation,
    created: stamp,
    modified: stamp,
    ...(fields.creator ? { creator: { type: 'Person', name: fields.creator } } : {}),
    body,
    target: fields.target,
    status: 'open',
  };
}

function textPurpose(motivation: Motivation): BodyPurpose {
  return motivation === 'questioning' ? 'questioning' : motivation === 'replying' ? 'replying' : 'commenting';
}

/** Tags without their leading `#`, trimmed, unique, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (tag !== '') seen.add(tag);
  }
  return [...seen];
}

/** The main text of an annotation (its first commenting/questioning/replying body), or ''. */
export function textOf(annotation: Annotation): string {
  const main = annotation.body.find((b) => b.purpose === undefined || b.purpose === 'commenting' || b.purpose === 'questioning' || b.purpose === 'replying');
  return main?.value ?? '';
}

/** The tags of an annotation, without `#`. */
export function tagsOf(annotation: Annotation): string[] {
  return annotation.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
}

/** The verdict of an `assessing` annotation. */
export function verdictOf(annotation: Annotation): string | undefined {
  return annotation.body.find((b) => b.purpose === 'assessing')?.value;
}

/** True for a reply (its target is another annotation's id). */
export function isReply(annotation: Annotation): annotation is Annotation & { target: string } {
  return typeof annotation.target === 'string';
}

/** The article target of an annotation that is not a reply. */
export function articleTargetOf(annotation: Annotation): ArticleTarget | undefined {
  return typeof annotation.target === 'string' ? undefined : annotation.target;
}

/** The quote selector of a target, if any. */
export function quoteSelectorOf(target: ArticleTarget): TextQuoteSelector | undefined {
  return target.selector?.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The position selector of a target, if any. */
export function positionSelectorOf(target: ArticleTarget): TextPositionSelector | undefined {
  return target.selector?.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** Selectors describing `text[start, end)`: a quote with 32 characters of context and the position. */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** A copy of `annotation` with some fields changed and `modified` set to `now`. */
export function reviseAnnotation(annotation: Annotation, changes: Partial<Omit<Annotation, 'id' | 'type' | 'created'>>, now: Date = new Date()): Annotation {
  return { ...annotation, ...changes, modified: laterStamp(annotation.modified, now) };
}

/**
 * `now` as ISO, but strictly after `previous`: merges pick the newest `modified`, so an edit must
 * never carry a stamp equal to or older than the version it replaces (clock skew, same millisecond).
 */
export function laterStamp(previous: string, now: Date): string {
  const previousMs = Date.parse(previous);
  const ms = Number.isNaN(previousMs) ? now.getTime() : Math.max(now.getTime(), previousMs + 1);
  return new Date(ms).toISOString();
}

/** A root annotation and its replies, oldest first. */
export interface AnnotationThread {
  readonly root: Annotation;
  readonly replies: readonly Annotation[];
}

/**
 * Groups replies under their root annotation (replies to replies go to the same root).
 * Replies whose root is missing are returned as `strayReplies`, never dropped.
 */
export function threadsOf(annotations: readonly Annotation[]): { threads: AnnotationThread[]; strayReplies: Annotation[] } {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const rootOf = (a: Annotation): Annotation | undefined => {
    let current: Annotation | undefined = a;
    const seen = new Set<string>();
    while (current && typeof current.target === 'string') {
      if (seen.has(current.id)) return undefined;
      seen.add(current.id);
      current = byId.get(current.target);
    }
    return current;
  };
  const replies = new Map<string, Annotation[]>();
  const strayReplies: Annotation[] = [];
  const roots: Annotation[] = [];
  for (const a of annotations) {
    if (!isReply(a)) { roots.push(a); continue; }
    const root = rootOf(a);
    if (!root) { strayReplies.push(a); continue; }
    const list = replies.get(root.id) ?? [];
    list.push(a);
    replies.set(root.id, list);
  }
  const byCreated = (x: Annotation, y: Annotation) => x.created.localeCompare(y.created) || x.id.localeCompare(y.id);
  return {
    threads: roots.sort(byCreated).map((root) => ({ root, replies: (replies.get(root.id) ?? []).sort(byCreated) })),
    strayReplies,
  };
}
