/**
 * The annotation store: the annotations of every article, persisted through an
 * {@link AnnotationStoreHost} as one validated JSON-LD file per article.
 *
 * Durability:
 * - every write is a temporary file renamed over the store file, so an interrupted write leaves the
 *   previous file whole;
 * - every write happens under a lock file (created by a non-overwriting rename) and re-reads the file
 *   first, merging it with this instance's state (see storeState.ts), so two instances (two windows,
 *   the CLI) writing at once lose nothing;
 * - a writer that dies (kill -9, a crash, power loss) leaves its lock and temporary files behind. The
 *   lock names its owner (pid and host name, where the host can name a process): a lock whose owner
 *   no longer runs on this machine is taken over at once, any other once older than `staleLockMs`.
 *   Taking over moves the lock aside first and checks it is the one judged dead, so a lock just
 *   taken by a live writer is put back (and were it lost, the compare-and-swap below still holds).
 *   Temporary files carry the same owner in their names and are removed when their owner is gone
 *   (or they are older than `staleLockMs`): after a takeover, and whenever every store is read;
 * - the write itself is a compare-and-swap: just before the rename the store file must still hold
 *   the bytes the merge was made from, and after it the file is read back; when another writer got
 *   in between (a lock that is not strictly exclusive: VS Code's check-then-rename), this one
 *   re-reads, merges and writes again, and gives up loudly (StoreBusyError) rather than silently;
 * - a store file that fails to parse or validate is reported (onDidReportError, with a backup copy
 *   beside it, one per distinct content however often it is read), its article is read-only here
 *   until the file is fixed, and it is never overwritten.
 */
import type { Annotation } from './model';
import { laterStamp } from './model';
import { type AnnotationStoreHost, type Disposable, type LockOwner, isFileExistsError } from './host';
import { STORE_FOLDER, StoreFileError, articlePathOf, parseStoreFile, serializeStoreFile, storePathFor } from './storeFormat';
import { type StoreState, emptyState, mergeStates, sameState } from './storeState';

/** Options of an {@link AnnotationStore}. */
export interface AnnotationStoreOptions {
  /** Current time (tests pin it). */
  readonly now?: () => Date;
  /** How long to wait for another writer's lock before giving up (ms). */
  readonly lockTimeoutMs?: number;
  /** A lock file older than this (ms) was left by a writer that died and is taken over. */
  readonly staleLockMs?: number;
}

/** Raised when the lock of a store file stays held by someone else. */
export class StoreBusyError extends Error {
  constructor(storePath: string) {
    super(`${storePath} is locked by another writer; try again`);
    this.name = 'StoreBusyError';
  }
}

type Listener<T> = (value: T) => void;

/** How long a lock taken on a host without atomic exclusive rename must stay ours before it counts. */
const LOCK_SETTLE_MS = 30;

/** The annotations of a workspace folder. */
export class AnnotationStore implements Disposable {
  private readonly states = new Map<string, StoreState>();
  private readonly broken = new Map<string, StoreFileError>();
  private readonly backedUp = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly changeListeners = new Set<Listener<string>>();
  private readonly errorListeners = new Set<Listener<StoreFileError>>();
  private readonly now: () => Date;
  private readonly lockTimeoutMs: number;
  private readonly staleLockMs: number;
  private watcher: Disposable | undefined;
  /** This process in temporary file names (`p<pid>@<host>`), when the host can name it. */
  private readonly ownerTag: string | undefined;

  constructor(private readonly host: AnnotationStoreHost, options: AnnotationStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    this.staleLockMs = options.staleLockMs ?? 10000;
    this.ownerTag = host.lockOwner ? `p${host.lockOwner.pid}@${hostTag(host.lockOwner.hostname)}` : undefined;
  }

  /** Fires with an article path whose annotations changed (locally or from outside). */
  onDidChange(listener: Listener<string>): Disposable {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires when a store file cannot be read (it is left untouched). */
  onDidReportError(listener: Listener<StoreFileError>): Disposable {
    this.errorListeners.add(listener);
    return { dispose: () => this.errorListeners.delete(listener) };
  }

  /** Watches the store folder through the host and merges outside changes as they come. */
  watch(): void {
    if (this.watcher || !this.host.watch) return;
    this.watcher = this.host.watch(STORE_FOLDER, (path) => {
      const article = articlePathOf(path);
      if (article !== undefined) void this.reload(article).catch(() => undefined);
    });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.changeListeners.clear();
    this.errorListeners.clear();
  }

  /** Store files that cannot be read, as errors naming them. */
  problems(): StoreFileError[] {
    return [...this.broken.values()];
  }

  /** Articles that have a store file (read from the host). */
  async articles(): Promise<string[]> {
    const paths = await this.host.list(STORE_FOLDER);
    return paths.map(articlePathOf).filter((a): a is string => a !== undefined).sort();
  }

  /**
   * Reads every store file; unreadable ones are reported and skipped. Returns the articles read.
   * Temporary files left by writers that died are removed on the way.
   */
  async loadAll(): Promise<string[]> {
    const paths = await this.host.list(STORE_FOLDER);
    await this.removeStaleTemporaries(paths);
    const articles = paths.map(articlePathOf).filter((a): a is string => a !== undefined).sort();
    for (const article of articles) await this.reload(article);
    return articles;
  }

  /** The annotations of an article as last read or written (call {@link load} first). */
  annotationsOf(article: string): Annotation[] {
    return [...(this.states.get(article)?.annotations.values() ?? [])];
  }

  /** One annotation by id, in any loaded article. */
  find(id: string): { article: string; annotation: Annotation } | undefined {
    for (const [article, state] of this.states) {
      const annotation = state.annotations.get(id);
      if (annotation) return { article, annotation };
    }
    return undefined;
  }

  /** Reads an article's store file and merges it in; returns its annotations. */
  async load(article: string): Promise<Annotation[]> {
    await this.reload(article);
    return this.annotationsOf(article);
  }

  /** Adds or replaces annotations of an article and writes the store file. */
  async put(article: string, annotations: readonly Annotation[]): Promise<void> {
    await this.update(article, { annotations: new Map(annotations.map((a) => [a.id, a])), deleted: new Map() });
  }

  /** Deletes annotations (leaving tombstones) and writes the store file. */
  async remove(article: string, ids: readonly string[]): Promise<void> {
    const current = this.states.get(article) ?? emptyState();
    const deleted = new Map<string, string>();
    for (const id of ids) {
      const previous = current.annotations.get(id);
      deleted.set(id, previous ? laterStamp(previous.modified, this.now()) : this.now().toISOString());
    }
    await this.update(article, { annotations: new Map(), deleted });
  }

  /** Re-reads a store file (after an outside change) and merges it into memory; never writes. */
  async reload(article: string): Promise<void> {
    await this.serialized(article, async () => {
      const disk = await this.readDisk(article);
      if (disk === 'broken') return;
      this.absorb(article, disk);
    });
  }

  private async update(article: string, change: StoreState): Promise<void> {
    await this.serialized(article, async () => {
      const storePath = storePathFor(article);
      const known = this.broken.get(article);
      if (known) {
        // Re-check: the file may have been fixed since.
        const disk = await this.readDisk(article);
        if (disk === 'broken') throw this.broken.get(article) ?? known;
      }
      this.absorb(article, change);
      for (let round = 1; ; round++) {
        const swapped = await this.withLock(storePath, async () => {
          const before = await this.host.readFile(storePath);
          const disk = await this.readDisk(article, before);
          if (disk === 'broken') throw this.broken.get(article) as StoreFileError;
          this.absorb(article, disk);
          const state = this.states.get(article) ?? emptyState();
          return this.compareAndSwap(storePath, before, serializeStoreFile(article, state));
        });
        if (swapped) {
          // Where the lock is not strictly exclusive (check-then-rename hosts) another writer may
          // have renamed its file over ours after the swap: read back, and write again if it lacks
          // this state (a merge, so nothing is undone).
          // The other writer's rename can trail its own check by a moment: on such hosts the file is
          // read back once more after the lock's settling time.
          if (await this.diskHoldsState(article)) {
            if (this.host.atomicExclusiveRename) break;
            await sleep(LOCK_SETTLE_MS);
            if (await this.diskHoldsState(article)) break;
          }
        }
        if (round >= MAX_WRITE_ROUNDS) throw new StoreBusyError(storePath);
        await sleep(Math.random() * 10 * Math.min(round, 5));
      }
    });
  }

  /** True when the store file holds everything this instance knows of `article`. */
  private async diskHoldsState(article: string): Promise<boolean> {
    const written = await this.readDisk(article);
    if (written === 'broken') throw this.broken.get(article) as StoreFileError;
    const mine = this.states.get(article) ?? emptyState();
    return sameState(mergeStates(written, mine), written);
  }

  /**
   * Writes `text` to a temporary file and renames it over the store file only if the store file
   * still holds `expected` (the bytes the merge was made from); false when another writer changed
   * it meanwhile, so the caller re-reads and merges again.
   */
  private async compareAndSwap(storePath: string, expected: Uint8Array | undefined, text: string): Promise<boolean> {
    const temporary = this.temporaryName(storePath);
    try {
      await this.host.writeFile(temporary, new TextEncoder().encode(text));
      if (!sameBytes(await this.host.readFile(storePath), expected)) {
        await this.host.delete(temporary);
        return false;
      }
      await this.host.rename(temporary, storePath, { overwrite: true });
      return true;
    } catch (err) {
      await this.host.delete(temporary).catch(() => undefined);
      throw err;
    }
  }

  /** Merges `incoming` into the state of `article`; fires onDidChange when that changed anything. */
  private absorb(article: string, incoming: StoreState): void {
    const before = this.states.get(article) ?? emptyState();
    const after = mergeStates(before, incoming);
    this.states.set(article, after);
    if (!sameState(before, after)) for (const listener of this.changeListeners) listener(article);
  }

  /** The state on disk (empty when there is no file), or 'broken' after reporting the file. */
  private async readDisk(article: string, alreadyRead?: Uint8Array): Promise<StoreState | 'broken'> {
    const storePath = storePathFor(article);
    const bytes = alreadyRead ?? await this.host.readFile(storePath);
    if (!bytes) {
      this.broken.delete(article);
      return emptyState();
    }
    try {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new StoreFileError(storePath, 'not UTF-8 text');
      }
      const parsed = parseStoreFile(storePath, text);
      if (parsed.article !== article) throw new StoreFileError(storePath, `belongs to ${parsed.article}, not ${article}`);
      this.broken.delete(article);
      return parsed.state;
    } catch (err) {
      if (!(err instanceof StoreFileError)) throw err;
      await this.reportBroken(article, err, bytes);
      return 'broken';
    }
  }

  private async reportBroken(article: string, err: StoreFileError, bytes: Uint8Array): Promise<void> {
    const fingerprint = `${err.storePath}\u0000${bytes.length}\u0000${checksum(bytes)}`;
    let error = this.broken.get(article);
    if (!this.backedUp.has(fingerprint)) {
      this.backedUp.add(fingerprint);
      // Named by content, not by time: every run (each CLI call, each window) meets the same corrupt
      // file, and one copy of each distinct content is enough.
      const backupPath = `${err.storePath}.corrupt-${checksum(bytes).toString(16).padStart(8, '0')}-${bytes.length}.bak`;
      let saved: string | undefined;
      try {
        if (!sameBytes(await this.host.readFile(backupPath), bytes)) await this.host.writeFile(backupPath, bytes);
        saved = backupPath;
      } catch {
        saved = undefined;
      }
      error = new StoreFileError(err.storePath, err.reason, saved);
      this.broken.set(article, error);
      for (const listener of this.errorListeners) listener(error);
    } else if (!error) {
      this.broken.set(article, err);
    }
  }

  private async withLock<T>(storePath: string, work: () => Promise<T>): Promise<T> {
    const lockPath = `${storePath}.lock`;
    const deadline = Date.now() + this.lockTimeoutMs;
    const owner = this.host.lockOwner;
    let token = '';
    for (let attempt = 0; ; attempt++) {
      token = JSON.stringify({ id: globalThis.crypto.randomUUID(), time: this.now().toISOString(), ...(owner ? { pid: owner.pid, hostname: owner.hostname } : {}) });
      const candidate = this.temporaryName(lockPath);
      await this.host.writeFile(candidate, new TextEncoder().encode(token));
      try {
        await this.host.rename(candidate, lockPath, { overwrite: false });
        // Some hosts check for the target and then rename (VS Code's disk provider): two writers
        // can both "succeed", the later rename replacing the earlier lock. Reading it back tells
        // the one whose token is gone that it lost.
        if (await this.holdsLock(lockPath, token)) {
          if (this.host.atomicExclusiveRename) break;
          // Check-then-rename hosts: a writer that checked before our rename renames within a few
          // milliseconds; after this pause its token has replaced ours if it did.
          await sleep(LOCK_SETTLE_MS);
          if (await this.holdsLock(lockPath, token)) break;
        }
      } catch (err) {
        await this.host.delete(candidate).catch(() => undefined);
        if (!isFileExistsError(err)) throw err;
      }
      const held = await this.host.readFile(lockPath);
      if (held === undefined) continue;
      const stat = await this.host.stat(lockPath);
      const ownerGone = this.ownerIsGone(lockOwnerOf(held));
      if (ownerGone || (stat && Date.now() - stat.mtime > this.staleLockMs)) {
        if (await this.breakLock(lockPath, held) && ownerGone) await this.removeStaleTemporaries(await this.host.list(folderOf(storePath)));
        continue;
      }
      if (Date.now() > deadline) throw new StoreBusyError(storePath);
      await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
    try {
      return await work();
    } finally {
      if (await this.holdsLock(lockPath, token).catch(() => false)) await this.host.delete(lockPath).catch(() => undefined);
    }
  }

  /**
   * Removes a lock judged dead (`held`: the bytes judged). It is moved aside first, so that only the
   * lock that was judged is removed: one a live writer took meanwhile is put back. True when the
   * dead lock was removed.
   */
  private async breakLock(lockPath: string, held: Uint8Array): Promise<boolean> {
    const aside = this.temporaryName(`${lockPath}.stale`);
    try {
      await this.host.rename(lockPath, aside, { overwrite: true });
    } catch {
      return false; // someone else broke or released it first
    }
    const moved = await this.host.readFile(aside);
    if (moved !== undefined && !sameBytes(moved, held)) {
      await this.host.rename(aside, lockPath, { overwrite: false }).catch(() => undefined);
      await this.host.delete(aside).catch(() => undefined);
      return false;
    }
    await this.host.delete(aside);
    return true;
  }

  /** True when `owner` ran on this machine and no longer runs. */
  private ownerIsGone(owner: LockOwner | undefined): boolean {
    const self = this.host.lockOwner;
    if (!owner || !self || !this.host.isProcessAlive || owner.hostname !== self.hostname || owner.pid === self.pid) return false;
    return !this.host.isProcessAlive(owner.pid);
  }

  /** Deletes, among `paths`, the temporary files of writers that are gone (or older than the stale age). */
  private async removeStaleTemporaries(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (!path.endsWith('.tmp')) continue;
      const tag = /\.p(\d+)@([A-Za-z0-9-]*)\.[0-9a-f-]{36}\.tmp$/.exec(path);
      const self = this.host.lockOwner;
      let stale = tag !== null && self !== undefined && tag[2] === hostTag(self.hostname) && this.ownerIsGone({ pid: Number(tag[1]), hostname: self.hostname });
      if (!stale) {
        const stat = await this.host.stat(path).catch(() => undefined);
        stale = stat !== undefined && Date.now() - stat.mtime > this.staleLockMs;
      }
      if (stale) await this.host.delete(path).catch(() => undefined);
    }
  }

  /** A fresh temporary file name beside `base`, naming this process where the host can. */
  private temporaryName(base: string): string {
    return `${base}.${this.ownerTag ? `${this.ownerTag}.` : ''}${globalThis.crypto.randomUUID()}.tmp`;
  }

  private async holdsLock(lockPath: string, token: string): Promise<boolean> {
    const held = await this.host.readFile(lockPath);
    return held !== undefined && new TextDecoder().decode(held) === token;
  }

  /** Runs store operations on one article one after the other within this instance. */
  private serialized<T>(article: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(article) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(article, next.catch(() => undefined));
    return next;
  }
}

/** Attempts at a verified write before giving up with {@link StoreBusyError} (nothing is lost: memory keeps it). */
const MAX_WRITE_ROUNDS = 50;

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The owner named in a lock file, if it names one (older locks hold a bare token). */
function lockOwnerOf(bytes: Uint8Array): LockOwner | undefined {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { pid?: unknown; hostname?: unknown };
    return typeof json.pid === 'number' && typeof json.hostname === 'string' ? { pid: json.pid, hostname: json.hostname } : undefined;
  } catch {
    return undefined;
  }
}

/** A host name as it may appear in a file name. */
function hostTag(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 63);
}

/** The folder of a `/`-separated path. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A cheap content fingerprint (FNV-1a), to back a corrupt file up once per distinct content. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
