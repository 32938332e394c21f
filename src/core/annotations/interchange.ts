/**
 * Interchange with other W3C annotation tools: reading an Annotation, an array of them, an
 * AnnotationPage or an AnnotationCollection with embedded pages; writing an AnnotationCollection
 * (selectors re-computed against the current text), a CSV or a Markdown report.
 */
import { type AnchorResult, anchorTarget } from './anchoring';
import {
  ANNOTATION_CONTEXT, type Annotation, type AnnotationTarget, type Motivation, type Selector, type TextualBody,
  quoteSelectorOf, selectorsFor, tagsOf, textOf, threadsOf, verdictOf,
} from './model';
import { annotationSchemaError } from './schema';
import { articlePathFromSource } from './articlePaths';

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
 * embedded `first`/`next` pages), normalized to the stored shape; ids are kept. Every target source
 * must name an article of the workspace folder (see {@link articlePathFromSource}; `folderUri` lets a
 * URI inside the folder count as its relative path): one that resolves outside it, an absolute path
 * or a URL of another origin is refused, so that an import cannot write outside the folder.
 * Throws ImportError on anything that is not such a document, naming the offending item.
 */
export function parseAnnotationDocument(json: unknown, folderUri?: string): Annotation[] {
  const raw = collectItems(json);
  return raw.map((item, index) => normalize(item, index, folderUri));
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

function normalize(item: unknown, index: number, folderUri: string | undefined): Annotation {
  const where = `item ${index + 1}`;
  if (!isObject(item)) throw new ImportError(`${where} is not an object`);
  const givenId = typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
  const label = givenId === undefined ? where : `${where} (${givenId})`;
  const motivationRaw = Array.isArray(item.motivation) ? item.motivation[0] : item.motivation;
  const motivation: Motivation = typeof motivationRaw === 'string' && MOTIVATIONS.has(motivationRaw.replace(/^oa:/, '') as Motivation)
    ? (motivationRaw.replace(/^oa:/, '') as Motivation)
    : 'commenting';
  const now = new Date().toISOString();
  const created = typeof item.created === 'string' && !Number.isNaN(Date.parse(item.created)) ? new Date(item.created).toISOString() : now;
  const modified = typeof item.modified === 'string' && !Number.isNaN(Date.parse(item.modified)) ? new Date(item.modified).toISOString() : created;
  const creator = creatorOf(item.creator);
  const body = bodiesOf(item.body, motivation);
  const target = targetOf(item.target, label, folderUri);
  const annotation: Annotation = {
    // Without an id, the same annotation imported again must land on the same id, not on a new one.
    id: givenId ?? derivedAnnotationId({ motivation, creator: creator?.name ?? null, body, target }),
    type: 'Annotation',
    motivation,
    created,
    modified,
    ...(creator ? { creator } : {}),
    body,
    target,
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

function targetOf(value: unknown, label: string, folderUri: string | undefined): AnnotationTarget {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' && first !== '') return first;
  if (!isObject(first) || typeof first.source !== 'string' || first.source === '') throw new ImportError(`${label}: target has no source`);
  const resolved = articlePathFromSource(first.source, folderUri);
  if (!resolved.ok) throw new ImportError(`${label}: refused: target source ${resolved.reason}; nothing was imported`);
  const source = resolved.article;
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

/**
 * CSV (RFC 4180, CRLF rows): one row per annotation. `state` is open/resolved; `anchor` exact/fuzzy/orphaned/reply.
 * A cell that a spreadsheet would read as a formula (see {@link neutralizeCsvCell}) is neutralised.
 */
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
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 CSV cell: neutralised against formula injection, then quoted when needed. */
export function csvCell(value: string): string {
  const cell = neutralizeCsvCell(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A CSV cell that a spreadsheet cannot run: one starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP's list for formula injection: an article quote or a comment can start so) gets a
 * leading `'`, which spreadsheets show as text and do not display.
 */
export function neutralizeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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

/**
 * The id of an imported annotation that came without one: a name-based UUID (version 8) of its
 * motivation, creator, body and target, so importing the same file again finds it stored.
 */
export function derivedAnnotationId(content: unknown): string {
  const hex = hash128(JSON.stringify(content, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v)));
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** True for an id made by {@link derivedAnnotationId} (ids this extension makes itself are random, version 4). */
export function isDerivedAnnotationId(id: string): boolean {
  return /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
}

/**
 * 128 bits of a string as 32 hex digits: four 32-bit FNV-1a lanes with distinct offsets, each
 * mixed with the others at the end. Not cryptographic: it only has to keep distinct annotations
 * apart (an imported file may name any id anyway).
 */
function hash128(text: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0xcc9e2d51];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(((lanes[l] as number) ^ code) >>> 0, 0x01000193 + 2 * l * 0x10000) >>> 0;
  }
  const out: string[] = [];
  for (let l = 0; l < 4; l++) {
    let h = ((lanes[l] as number) ^ Math.imul(lanes[(l + 1) % 4] as number, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    out.push(((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0'));
  }
  return out.join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(json: Record<string, unknown>): string[] {
  const t = json.type ?? json['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^oa:/, ''));
}
