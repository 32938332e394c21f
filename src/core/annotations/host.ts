/**
 * What the annotation store needs from its host (VS Code's workspace.fs, Node's fs, memory).
 * Paths are relative to the workspace folder and `/`-separated.
 */

/** The core's one disposable (`core/events.ts`), re-exported where the store has always found it. */
import type { Disposable } from '../events';

export type { Disposable };

/** Size and last modification time (ms since the epoch) of a file. */
export interface FileStat {
  readonly mtime: number;
  readonly size: number;
}

/** File access the store needs. Methods reject on I/O failure. */
export interface AnnotationStoreHost {
  /** The bytes of a file, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Writes a file, creating parent folders. Not atomic: the store writes a temporary file and renames it. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /**
   * Renames a file, replacing the target when `overwrite`; otherwise rejects with an error whose
   * `code` is `'EEXIST'` (or {@link isFileExistsError} true) when the target exists.
   */
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void>;
  /** Deletes a file; no error when it is already gone. */
  delete(path: string): Promise<void>;
  stat(path: string): Promise<FileStat | undefined>;
  /** Paths of every file under `folder`, recursively; empty when the folder does not exist. */
  list(folder: string): Promise<string[]>;
  /**
   * True when `rename(..., { overwrite: false })` is atomic (fails if the target exists at the moment
   * of the rename). When false or absent, the store lets a lock settle before trusting it.
   */
  readonly atomicExclusiveRename?: boolean;
  /** Fires with the path of a file under `folder` that changed outside the store (or at all). */
  watch?(folder: string, listener: (path: string) => void): Disposable;
  /**
   * This process, written into the store's lock and temporary file names so that another process on
   * the same machine can tell when their writer died (and take its lock over at once). Hosts that
   * cannot name a process leave it out: their locks are taken over once older than the stale age.
   */
  readonly lockOwner?: LockOwner;
  /** Whether the process `pid` of this machine still runs (asked only with {@link lockOwner}). */
  isProcessAlive?(pid: number): boolean;
}

/** A process on a machine, as written into a lock file. */
export interface LockOwner {
  readonly pid: number;
  /** The machine's host name: a pid means nothing on another machine (a shared or synced folder). */
  readonly hostname: string;
}

/** The error a host raises when a non-overwriting rename meets an existing file. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(path: string) {
    super(`${path} already exists`);
  }
}

/** True for an error meaning "the target file exists". */
export function isFileExistsError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'EEXIST' || code === 'FileExists' || err.name === 'EntryExists (FileSystemError)';
}

/**
 * A host in memory, for tests: renames are atomic, `failWrites` injects a failure after writing part
 * of a file (an interrupted write), and every change is reported to watchers.
 */
export class InMemoryStoreHost implements AnnotationStoreHost {
  readonly atomicExclusiveRename: boolean = true;
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  /** When set, the next writeFile writes this share (0..1) of the bytes, then rejects. */
  failNextWriteAfter: number | undefined;
  private readonly watchers = new Set<{ folder: string; listener: (path: string) => void }>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  async readFile(path: string): Promise<Uint8Array | undefined> {
    await tick();
    return this.files.get(path)?.data.slice();
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await tick();
    const share = this.failNextWriteAfter;
    if (share !== undefined) {
      this.failNextWriteAfter = undefined;
      this.files.set(path, { data: data.slice(0, Math.floor(data.length * share)), mtime: this.clock() });
      throw new Error(`simulated failure while writing ${path}`);
    }
    this.files.set(path, { data: data.slice(), mtime: this.clock() });
    this.emit(path);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await tick();
    const file = this.files.get(from);
    if (!file) throw Object.assign(new Error(`${from}: no such file`), { code: 'ENOENT' });
    if (!options.overwrite && this.files.has(to)) throw new FileExistsError(to);
    this.files.delete(from);
    this.files.set(to, file);
    this.emit(to);
  }

  async delete(path: string): Promise<void> {
    await tick();
    if (this.files.delete(path)) this.emit(path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    await tick();
    const file = this.files.get(path);
    return file ? { mtime: file.mtime, size: file.data.length } : undefined;
  }

  async list(folder: string): Promise<string[]> {
    await tick();
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
  }

  watch(folder: string, listener: (path: string) => void): Disposable {
    const entry = { folder, listener };
    this.watchers.add(entry);
    return { dispose: () => this.watchers.delete(entry) };
  }

  /** Text of a file, for assertions. */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file ? new TextDecoder().decode(file.data) : undefined;
  }

  /** Writes a file directly, as another program would, and notifies watchers. */
  writeText(path: string, text: string): void {
    this.files.set(path, { data: new TextEncoder().encode(text), mtime: this.clock() });
    this.emit(path);
  }

  private emit(path: string): void {
    for (const { folder, listener } of this.watchers) if (path.startsWith(`${folder}/`)) listener(path);
  }
}

/** Yields to other pending work, so concurrent store operations interleave as they would on disk. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
