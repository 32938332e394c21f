import type { ArticleRecord } from './articleRecord';

/** Version of the snapshot layout; a snapshot of another layout is ignored. */
export const SNAPSHOT_FORMAT = 2;

/**
 * The persisted index: per file, the record analysed from bytes with a given content hash by a given
 * model. A warm start reuses a record when the file's hash is unchanged and the model is the same.
 */
export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  modelVersion: string;
  files: { path: string; record: ArticleRecord }[];
}

/**
 * Reads a snapshot from its JSON text. Returns the records by path, or null when the text is not a
 * snapshot of this format and model (a cache from another version must not be trusted).
 */
export function readSnapshot(json: string, modelVersion: string): Map<string, ArticleRecord> | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(value) || value.format !== SNAPSHOT_FORMAT || value.modelVersion !== modelVersion || !Array.isArray(value.files)) return null;
  const out = new Map<string, ArticleRecord>();
  for (const entry of value.files as unknown[]) {
    if (!isObject(entry) || typeof entry.path !== 'string' || !isRecord(entry.record)) return null;
    out.set(entry.path, entry.record);
  }
  return out;
}

/** Serialises records as a snapshot's JSON text. */
export function writeSnapshot(records: Iterable<[string, ArticleRecord]>, modelVersion: string): string {
  const files: IndexSnapshot['files'] = [];
  for (const [path, record] of records) files.push({ path, record });
  const snapshot: IndexSnapshot = { format: SNAPSHOT_FORMAT, modelVersion, files };
  return JSON.stringify(snapshot);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Shape check of the fields every query relies on (a truncated or hand-edited cache is refused). */
function isRecord(v: unknown): v is ArticleRecord {
  return isObject(v) && typeof v.hash === 'string' && Array.isArray(v.mentions) && Array.isArray(v.dates) && Array.isArray(v.quotes) && Array.isArray(v.speakerKeys) && Array.isArray(v.authors)
    && (v.outlet === null || typeof v.outlet === 'string') && (v.date === null || typeof v.date === 'string')
    && (v.mentions as unknown[]).every((m) => isObject(m) && typeof m.start === 'number' && typeof m.end === 'number' && typeof m.key === 'string' && typeof m.name === 'string' && Array.isArray(m.roles));
}
