/**
 * Corrections as annotations: "Mark as person" (or another type), "Not an entity", "Merge with…" and
 * "Split" on an entity mention, "Set outlet" on an article. They are stored like any annotation and
 * read back with {@link correctionsOf} by the cross-file index, which applies them.
 *
 * Representation:
 * - type / not an entity: motivation `classifying`, a body `{purpose: 'classifying', value: 'news:Person' |
 *   'news:Organization' | 'news:Place' | 'news:NotAnEntity'}`, target = the mention's passage; "not an
 *   entity" made for the whole workspace (from the sidebar, not from one article) adds a second body
 *   `{purpose: 'classifying', value: 'news:InAllArticles'}`;
 * - merge: motivation `editing`, bodies `{purpose: 'editing', value: 'news:mergeWith'}` and
 *   `{purpose: 'identifying', value: <canonical name to merge into>}`;
 * - split: motivation `editing`, body `{purpose: 'editing', value: 'news:split'}` and optionally
 *   `{purpose: 'identifying', value: <name of the separate entity>}`;
 * - set outlet: motivation `classifying`, target = the whole article (no selector), bodies
 *   `{purpose: 'classifying', value: 'news:Outlet'}` and `{purpose: 'identifying', value: <outlet>}`.
 */
import { type Annotation, type ArticleTarget, type TextualBody, createAnnotation, quoteSelectorOf, positionSelectorOf } from '../annotations/model';

/** Entity types a mention can be corrected to. */
export type CorrectedEntityType = 'Person' | 'Organization' | 'Place';

/**
 * Where "not an entity" holds: in the article of the annotated mention (made on a selection in an
 * article), or in every article (made on the entity in the sidebar).
 */
export type CorrectionScope = 'article' | 'workspace';

/** The body that widens "not an entity" to every article. */
const IN_ALL_ARTICLES = 'news:InAllArticles';

/** A correction of one entity mention. */
export type EntityCorrection =
  | EntityCorrectionBase & { readonly kind: 'setType'; readonly entityType: CorrectedEntityType }
  | EntityCorrectionBase & { readonly kind: 'notAnEntity'; readonly scope: CorrectionScope }
  | EntityCorrectionBase & { readonly kind: 'mergeWith'; readonly canonicalName: string }
  | EntityCorrectionBase & { readonly kind: 'split'; readonly newName?: string };

/** What every entity correction carries: where the mention is and when the correction was made. */
export interface EntityCorrectionBase {
  readonly annotationId: string;
  /** Article path relative to the workspace folder. */
  readonly source: string;
  /** The mention's text as annotated. */
  readonly mention: string;
  /** Stored offsets of the mention (may be stale if the article changed; re-anchor to be sure). */
  readonly start?: number;
  readonly end?: number;
  readonly modified: string;
}

/** "Set outlet" on an article. */
export interface OutletCorrection {
  readonly kind: 'setOutlet';
  readonly annotationId: string;
  readonly source: string;
  readonly outlet: string;
  readonly modified: string;
}

/** Any correction. */
export type Correction = EntityCorrection | OutletCorrection;

const TYPE_VALUES: Record<string, CorrectedEntityType> = { 'news:Person': 'Person', 'news:Organization': 'Organization', 'news:Place': 'Place' };

/**
 * The corrections among `annotations`, oldest `modified` first (apply in order: a later correction
 * of the same mention overrides an earlier one). Resolved annotations are corrections withdrawn and
 * are left out; other annotations are ignored.
 */
export function correctionsOf(annotations: readonly Annotation[]): Correction[] {
  const found: Correction[] = [];
  for (const annotation of annotations) {
    if (annotation.status === 'resolved' || typeof annotation.target === 'string') continue;
    const correction = correctionOf(annotation, annotation.target);
    if (correction) found.push(correction);
  }
  return found.sort((a, b) => Date.parse(a.modified) - Date.parse(b.modified) || a.annotationId.localeCompare(b.annotationId));
}

function correctionOf(annotation: Annotation, target: ArticleTarget): Correction | undefined {
  const valueOf = (purpose: TextualBody['purpose']) => annotation.body.find((b) => b.purpose === purpose)?.value;
  const classifying = valueOf('classifying');
  const inAllArticles = annotation.body.some((b) => b.purpose === 'classifying' && b.value === IN_ALL_ARTICLES);
  const editing = valueOf('editing');
  const identifying = valueOf('identifying')?.trim();
  const base = { annotationId: annotation.id, source: target.source, modified: annotation.modified };
  if (annotation.motivation === 'classifying' && classifying === 'news:Outlet') {
    return identifying ? { kind: 'setOutlet', ...base, outlet: identifying } : undefined;
  }
  const quote = quoteSelectorOf(target);
  if (!quote) return undefined;
  const position = positionSelectorOf(target);
  const mention = { ...base, mention: quote.exact, ...(position ? { start: position.start, end: position.end } : {}) };
  if (annotation.motivation === 'classifying' && classifying) {
    if (classifying === 'news:NotAnEntity') return { kind: 'notAnEntity', ...mention, scope: inAllArticles ? 'workspace' : 'article' };
    const entityType = TYPE_VALUES[classifying];
    return entityType ? { kind: 'setType', ...mention, entityType } : undefined;
  }
  if (annotation.motivation === 'editing' && editing === 'news:mergeWith') {
    return identifying ? { kind: 'mergeWith', ...mention, canonicalName: identifying } : undefined;
  }
  if (annotation.motivation === 'editing' && editing === 'news:split') {
    return { kind: 'split', ...mention, ...(identifying ? { newName: identifying } : {}) };
  }
  return undefined;
}

/** What a person asks for on a mention or an article. */
export type CorrectionRequest =
  | { readonly kind: 'setType'; readonly entityType: CorrectedEntityType }
  | { readonly kind: 'notAnEntity'; readonly scope?: CorrectionScope }
  | { readonly kind: 'mergeWith'; readonly canonicalName: string }
  | { readonly kind: 'split'; readonly newName?: string }
  | { readonly kind: 'setOutlet'; readonly outlet: string };

/**
 * Builds the annotation recording a correction. `target` is the mention's passage, or the article
 * without selector for `setOutlet`.
 */
export function createCorrection(request: CorrectionRequest, target: ArticleTarget, creator?: string, now?: Date): Annotation {
  const identifying = (value: string): TextualBody => ({ type: 'TextualBody', purpose: 'identifying', value });
  const common = { target, ...(creator ? { creator } : {}) };
  switch (request.kind) {
    case 'setType':
      return createAnnotation({ ...common, motivation: 'classifying', extraBodies: [{ type: 'TextualBody', purpose: 'classifying', value: `news:${request.entityType}` }] }, now);
    case 'notAnEntity':
      return createAnnotation({ ...common, motivation: 'classifying', extraBodies: [
        { type: 'TextualBody', purpose: 'classifying', value: 'news:NotAnEntity' },
        ...(request.scope === 'workspace' ? [{ type: 'TextualBody' as const, purpose: 'classifying' as const, value: IN_ALL_ARTICLES }] : []),
      ] }, now);
    case 'mergeWith':
      return createAnnotation({ ...common, motivation: 'editing', extraBodies: [{ type: 'TextualBody', purpose: 'editing', value: 'news:mergeWith' }, identifying(request.canonicalName)] }, now);
    case 'split':
      return createAnnotation({ ...common, motivation: 'editing', extraBodies: [{ type: 'TextualBody', purpose: 'editing', value: 'news:split' }, ...(request.newName ? [identifying(request.newName)] : [])] }, now);
    case 'setOutlet':
      return createAnnotation({ ...common, target: { source: target.source }, motivation: 'classifying', extraBodies: [{ type: 'TextualBody', purpose: 'classifying', value: 'news:Outlet' }, identifying(request.outlet)] }, now);
  }
}
