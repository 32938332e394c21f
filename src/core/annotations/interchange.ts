/**
 * Interchange with other W3C annotation tools: reading an Annotation, an array of them, an
 * AnnotationPage or an AnnotationCollection with embedded pages; writing an AnnotationCollection
 * (selectors re-computed against the current text), a CSV or a Markdown report.
 */
import { type AnchorResult, anchorTarget } from './anchoring';
import {
  ANNOTATION_CONTEXT, type Annotation, type AnnotationTarget, type Motivation, type Selector, type TextualBody,
  newAnnotationId, quoteSelectorOf, selectorsFor, tagsOf, textOf, threadsOf, verdictOf,
} from './model';
import { annotationSchemaError } from './schema';

/** An input that is not a W3C annotation document. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const MOTIVATIONS = new Set<Motivation>(['commenting', 'questioning', 'assessing', 'tagging', 'replying', 'classifying', 'editing']);

/**
 * The annotations of a W3C document (Annotation, array, AnnotationPage, AnnotationCollection with
 * embedded `first`/`next` pages), normalized to the stored shape; ids are kept. `sourceOf` maps a
 * target source (a relative path, or a URI of another tool) to an article path, or undefined to keep it.
 * Throws ImportError on anything that is not such a document, naming the offending item.
 */
export function parseAnnotationDocument(json: unknown, sourceOf: (source: string) => string | undefined = () => undefined): Annotation[] {
  const raw = collectItems(json);
  return raw.map((item, index) => normalize(item, index, sourceOf));
}

function collectItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(collectItems);
  if (!isObject(json)) throw new ImportError('expected a W3C Annotation, an array, an AnnotationPage or an AnnotationCollection');
  const type = typesOf(json);
  if (type.includes('Annotation')) return [json];
  if (type.includes('AnnotationPage')) {
    const items = json.items ?? [];
    if (!Array.isArray(items)) throw new ImportError('AnnotationPage.items is not an array');
    const next = isObject(json.next) ? collectItems(json.next) : [];
    return [...items, ...next];
  }
  if (type.includes('AnnotationCollection')) {
    if (json.first === undefined) return [];
    if (!isObject(json.first)) throw new ImportError('AnnotationCollection.first is a link, not an embedded page: fetch the pages and import them');
    return collectItems(json.first);
  }
  throw new ImportError(`unknown document type ${JSON.stringify(json.type ?? null)}`);
}

function normalize(item: unknown, index: number, sourceOf: (source: string) => string | undefined): Annotation {
  const where = `item ${index + 1}`;
  if (!isObject(item)) throw new ImportError(`${where} is not an object`);
  const id = typeof item.id === 'string' && item.id !== '' ? item.id : newAnnotationId();
  const label = `${where} (${id})`;
  const motivationRaw = Array.isArray(item.motivation) ? item.motivation[0] : item.motivation;
  const motivation: Motivation = typeof motivationRaw === 'string' && MOTIVATIONS.has(motivationRaw.replace(/^oa:/, '') as Motivation)
    ? (motivationRaw.replace(/^oa:/, '') as Motivation)
    : 'commenting';
  const now = new Date().toISOString();
  const created = typeof item.created === 'string' && !Number.isNaN(Date.parse(item.created)) ? new Date(item.created).toISOString() : now;
  const modified = typeof item.modified === 'string' && !Number.isNaN(Date.parse(item.modified)) ? new Date(item.modified).toISOString() : created;
  const creator = creatorOf(item.creator);
  const annotation: Annotation = {
    id,
    type: 'Annotation',
    motivation,
    created,
    modified,
    ...(creator ? { creator } : {}),
    body: bodiesOf(item.body, motivation),
    target: targetOf(item.target, label, sourceOf),
    ...(item.status === 'resolved' || item.status === 'open' ? { status: item.status } : { status: 'open' as const }),
  };
  const error = annotationSchemaError(annotation);
  if (error) throw new ImportError(`${label}: ${error}`);
  return annotation;
}

function creatorOf(value: unknown): Annotation['creator'] {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' && first !== '') return { type: 'Person', name: first };
  if (isObject(first)) {
    const name = first.name ?? first.nickname ?? first.id;
    if (typeof name === 'string' && name !== '') return { type: first.type === 'Software' ? 'Software' : 'Person', name };
  }
  return undefined;
}

function bodiesOf(value: unknown, motivation: Motivation): TextualBody[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const bodies: TextualBody[] = [];
  for (const body of list) {
    if (typeof body === 'string') {
      bodies.push({ type: 'TextualBody', value: body, purpose: motivation === 'tagging' ? 'tagging' : 'commenting' });
    } else if (isObject(body) && typeof body.value === 'string') {
      const purpose = typeof body.purpose === 'string' ? body.purpose.replace(/^oa:/, '') : undefined;
      const known = ['commenting', 'tagging', 'assessing', 'classifying', 'editing', 'identifying', 'replying', 'questioning'].includes(purpose ?? '');
      bodies.push({
        type: 'TextualBody',
        value: body.value,
        ...(known ? { purpose: purpose as TextualBody['purpose'] } : motivation === 'tagging' ? { purpose: 'tagging' as const } : {}),
        ...(body.format === 'text/markdown' || body.format === 'text/plain' ? { format: body.format } : {}),
      });
    }
  }
  return bodies;
}

function targetOf(value: unknown, label: string, sourceOf: (source: string) => string | undefined): AnnotationTarget {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' && first !== '') return first;
  if (!isObject(first) || typeof first.source !== 'string' || first.source === '') throw new ImportError(`${label}: target has no source`);
  const source = sourceOf(first.source) ?? first.source;
  const rawSelectors = first.selector === undefined ? [] : Array.isArray(first.selector) ? first.selector : [first.selector];
  const selector: Selector[] = [];
  for (const s of rawSelectors) {
    if (!isObject(s)) continue;
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') {
      selector.push({ type: 'TextQuoteSelector', exact: s.exact, ...(typeof s.prefix === 'string' ? { prefix: s.prefix } : {}), ...(typeof s.suffix === 'string' ? { suffix: s.suffix } : {}) });
    } else if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      selector.push({ type: 'TextPositionSelector', start: s.start as number, end: s.end as number });
    }
  }
  return selector.length > 0 ? { source, selector } : { source };
}

/** An annotation as exported: selectors describing the current text, or quote only and `orphaned`. */
export interface ExportedAnnotation {
  readonly article: string;
  readonly annotation: Annotation;
  /** Undefined for a reply (it has no passage of its own). */
  readonly anchor?: AnchorResult;
}

/**
 * Re-anchors an annotation against the article's current text (undefined when the article is
 * missing: the annotation is then an orphan).
 */
export function reanchorForExport(article: string, annotation: Annotation, text: string | undefined): ExportedAnnotation {
  const { target } = annotation;
  if (typeof target === 'string') return { article, annotation };
  const anchor: AnchorResult = text === undefined ? { kind: 'orphan', reason: 'not-found' } : anchorTarget(text, target);
  const base: Annotation = { ...annotation };
  delete (base as { orphaned?: boolean }).orphaned;
  if (anchor.kind === 'orphan') {
    const quote = quoteSelectorOf(target);
    return { article, anchor, annotation: { ...base, target: quote ? { source: target.source, selector: [quote] } : { source: target.source }, orphaned: true } };
  }
  if (!target.selector || target.selector.length === 0 || text === undefined) return { article, anchor, annotation: base };
  return { article, anchor, annotation: { ...base, target: { source: target.source, selector: selectorsFor(text, anchor.start, anchor.end) } } };
}

/** A W3C AnnotationCollection with one embedded page. */
export function toAnnotationCollection(items: readonly ExportedAnnotation[], label = 'News Annotator annotations'): unknown {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: items.map((i) => i.annotation) },
  };
}

const CSV_COLUMNS = ['file', 'quote', 'body', 'tags', 'motivation', 'verdict', 'state', 'anchor', 'author', 'created', 'modified', 'id'];

/** CSV (RFC 4180, CRLF rows): one row per annotation. `state` is open/resolved; `anchor` exact/fuzzy/orphaned/reply. */
export function toCsv(items: readonly ExportedAnnotation[]): string {
  const rows = [CSV_COLUMNS];
  for (const { article, annotation, anchor } of items) {
    const quote = typeof annotation.target === 'string' ? '' : (quoteSelectorOf(annotation.target)?.exact ?? '');
    rows.push([
      article, quote, textOf(annotation), tagsOf(annotation).map((t) => `#${t}`).join(' '), annotation.motivation,
      verdictOf(annotation) ?? '', annotation.status ?? 'open', anchor ? (anchor.kind === 'orphan' ? 'orphaned' : anchor.kind) : 'reply',
      annotation.creator?.name ?? '', annotation.created, annotation.modified, annotation.id,
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A Markdown report grouped by article: each annotation with its quote, text, tags and replies. */
export function toMarkdown(items: readonly ExportedAnnotation[]): string {
  const byArticle = new Map<string, ExportedAnnotation[]>();
  for (const item of items) byArticle.set(item.article, [...(byArticle.get(item.article) ?? []), item]);
  const lines = ['# Annotations', ''];
  for (const article of [...byArticle.keys()].sort()) {
    const entries = byArticle.get(article) ?? [];
    const anchorOf = new Map(entries.map((e) => [e.annotation.id, e.anchor]));
    lines.push(`## ${article}`, '');
    const { threads, strayReplies } = threadsOf(entries.map((e) => e.annotation));
    for (const { root, replies } of threads) {
      const anchor = anchorOf.get(root.id);
      const quote = typeof root.target === 'string' ? undefined : quoteSelectorOf(root.target)?.exact;
      const flags = [root.motivation, root.status ?? 'open', anchor?.kind === 'orphan' ? 'orphaned' : anchor?.kind === 'fuzzy' ? 'moved (fuzzy)' : undefined].filter(Boolean).join(', ');
      lines.push(`### ${quote ? `“${oneLine(quote)}”` : '(whole article)'}`, '', `*${flags}* — ${root.creator?.name ?? 'unknown'}, ${root.created.slice(0, 10)}`, '');
      const verdict = verdictOf(root);
      if (verdict) lines.push(`**Verdict:** ${verdict}`, '');
      const text = textOf(root);
      if (text) lines.push(text, '');
      const tags = tagsOf(root);
      if (tags.length > 0) lines.push(`Tags: ${tags.map((t) => `#${t}`).join(' ')}`, '');
      for (const reply of replies) lines.push(`> **${reply.creator?.name ?? 'unknown'}** (${reply.created.slice(0, 10)}): ${oneLine(textOf(reply))}`, '');
    }
    for (const reply of strayReplies) lines.push(`- Reply to a missing annotation — ${reply.creator?.name ?? 'unknown'}: ${oneLine(textOf(reply))}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(json: Record<string, unknown>): string[] {
  const t = json.type ?? json['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^oa:/, ''));
}
