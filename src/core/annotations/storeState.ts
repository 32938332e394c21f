/**
 * The annotations of one article as a mergeable state: live annotations plus tombstones.
 *
 * Merge rule (commutative, idempotent): per id, the version with the newest `modified` wins; a
 * tombstone (`{ id, modified: time of deletion }`) counts as a version and wins a tie. Tombstones are
 * kept in the store file, so a deletion made in one window is not undone by another window that still
 * holds the annotation, while an edit made after the deletion brings the annotation back (nothing a
 * person wrote later is lost).
 */
import type { Annotation } from './model';

/** Live annotations by id and deletion times by id. */
export interface StoreState {
  readonly annotations: ReadonlyMap<string, Annotation>;
  readonly deleted: ReadonlyMap<string, string>;
}

/** An empty state. */
export function emptyState(): StoreState {
  return { annotations: new Map(), deleted: new Map() };
}

/** The union of two states under the newest-`modified`-wins rule. */
export function mergeStates(a: StoreState, b: StoreState): StoreState {
  const annotations = new Map<string, Annotation>();
  const deleted = new Map<string, string>();
  const ids = new Set([...a.annotations.keys(), ...a.deleted.keys(), ...b.annotations.keys(), ...b.deleted.keys()]);
  for (const id of ids) {
    const live = newer(a.annotations.get(id), b.annotations.get(id));
    const tombstone = newestStamp(a.deleted.get(id), b.deleted.get(id));
    if (tombstone !== undefined && (!live || compareStamps(tombstone, live.modified) >= 0)) deleted.set(id, tombstone);
    else if (live) annotations.set(id, live);
  }
  return { annotations, deleted };
}

/** True when the two states hold the same annotations (same versions) and tombstones. */
export function sameState(a: StoreState, b: StoreState): boolean {
  if (a.annotations.size !== b.annotations.size || a.deleted.size !== b.deleted.size) return false;
  for (const [id, annotation] of a.annotations) {
    const other = b.annotations.get(id);
    if (!other || canonicalJson(other) !== canonicalJson(annotation)) return false;
  }
  for (const [id, stamp] of a.deleted) if (b.deleted.get(id) !== stamp) return false;
  return true;
}

function newer(x: Annotation | undefined, y: Annotation | undefined): Annotation | undefined {
  if (!x) return y;
  if (!y) return x;
  const order = compareStamps(x.modified, y.modified);
  if (order !== 0) return order > 0 ? x : y;
  // Same stamp, different content (two tools, same millisecond): pick deterministically so every
  // window converges on the same version.
  return canonicalJson(x) >= canonicalJson(y) ? x : y;
}

/**
 * JSON with object keys sorted at every level: the same annotation read from a file (written in a
 * stable key order) and built in memory must compare equal, or a write could never verify.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

function newestStamp(x: string | undefined, y: string | undefined): string | undefined {
  if (x === undefined) return y;
  if (y === undefined) return x;
  return compareStamps(x, y) >= 0 ? x : y;
}

/** Orders ISO date-times by instant (a plain string order breaks on time-zone offsets). */
export function compareStamps(x: string, y: string): number {
  const dx = Date.parse(x);
  const dy = Date.parse(y);
  if (Number.isNaN(dx) || Number.isNaN(dy)) return x < y ? -1 : x > y ? 1 : 0;
  return dx - dy;
}
