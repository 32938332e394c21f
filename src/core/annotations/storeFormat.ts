/**
 * The store file: one JSON-LD AnnotationPage per annotated article, at
 * `.news-annotations/<article path>.jsonld`, written in a stable order (annotations by creation time
 * then id, object keys in a fixed order) so that diffs are reviewable.
 */
import { ANNOTATION_CONTEXT, type Annotation } from './model';
import { storeFileSchemaError } from './schema';
import { type StoreState, compareStamps } from './storeState';
import { ArticlePathError, articlePathProblem } from './articlePaths';

/** Folder, at the workspace folder's root, that holds the store files. */
export const STORE_FOLDER = '.news-annotations';

/** Extension of a store file. */
export const STORE_FILE_EXTENSION = '.jsonld';

/** Version of the store file format this code reads and writes. */
export const STORE_FORMAT_VERSION = 1;

/**
 * Path (workspace-relative, `/`-separated) of the store file of an article. Throws ArticlePathError
 * for an article path that would put it outside the workspace folder (absolute, or with `..`).
 */
export function storePathFor(articlePath: string): string {
  const problem = articlePathProblem(articlePath);
  if (problem !== undefined) throw new ArticlePathError(problem);
  return `${STORE_FOLDER}/${articlePath}${STORE_FILE_EXTENSION}`;
}

/** The article a store file belongs to, or undefined for a path that is not a store file. */
export function articlePathOf(storePath: string): string | undefined {
  const prefix = `${STORE_FOLDER}/`;
  if (!storePath.startsWith(prefix) || !storePath.endsWith(STORE_FILE_EXTENSION)) return undefined;
  const article = storePath.slice(prefix.length, -STORE_FILE_EXTENSION.length);
  return article === '' ? undefined : article;
}

/** A store file that cannot be read: it is reported and never overwritten. */
export class StoreFileError extends Error {
  constructor(readonly storePath: string, readonly reason: string, readonly backupPath?: string) {
    super(`${storePath}: ${reason}${backupPath ? ` (a copy is kept at ${backupPath})` : ''}; it will not be overwritten until it is fixed`);
    this.name = 'StoreFileError';
  }
}

/** Serializes a state as the store file of `articlePath`. */
export function serializeStoreFile(articlePath: string, state: StoreState): string {
  const items = [...state.annotations.values()]
    .sort((a, b) => compareStamps(a.created, b.created) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(stableAnnotation);
  const deleted = [...state.deleted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, modified]) => ({ id, modified }));
  const page = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationPage',
    formatVersion: STORE_FORMAT_VERSION,
    article: articlePath,
    items,
    deleted,
  };
  return `${JSON.stringify(page, null, 2)}\n`;
}

/** Parses and validates a store file; throws StoreFileError naming the file. */
export function parseStoreFile(storePath: string, text: string): { article: string; state: StoreState } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StoreFileError(storePath, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > STORE_FORMAT_VERSION) {
    throw new StoreFileError(storePath, `format version ${version} is newer than this extension reads (${STORE_FORMAT_VERSION})`);
  }
  const schemaError = storeFileSchemaError(json);
  if (schemaError) throw new StoreFileError(storePath, `does not match the annotation store schema: ${schemaError}`);
  const page = json as { article: string; items: Annotation[]; deleted: { id: string; modified: string }[] };
  const annotations = new Map<string, Annotation>();
  for (const item of page.items) {
    if (annotations.has(item.id)) throw new StoreFileError(storePath, `annotation ${item.id} appears twice`);
    annotations.set(item.id, item);
  }
  return { article: page.article, state: { annotations, deleted: new Map(page.deleted.map((d) => [d.id, d.modified])) } };
}

const KEY_ORDER = ['@context', 'id', 'type', 'motivation', 'status', 'orphaned', 'created', 'modified', 'creator', 'body', 'target', 'source', 'selector', 'purpose', 'format', 'value', 'exact', 'prefix', 'suffix', 'start', 'end', 'name'];

/** A copy with object keys in {@link KEY_ORDER} (unknown keys last, alphabetically). */
function stableAnnotation(annotation: Annotation): Annotation {
  return orderKeys(annotation) as Annotation;
}

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rank = (key: string) => { const i = KEY_ORDER.indexOf(key); return i === -1 ? KEY_ORDER.length : i; };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, orderKeys(v)]));
}
