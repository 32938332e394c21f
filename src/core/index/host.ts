import type { Disposable } from '../events';

/** A change to one file, as the host's watcher reports it. */
export type FileChange =
  | { kind: 'created' | 'changed' | 'deleted'; path: string }
  | { kind: 'renamed'; path: string; oldPath: string };

/**
 * What the workspace index needs from its host (VS Code's `workspace.fs`, Node's `fs` in the CLI,
 * an in-memory map in tests). Paths are opaque strings chosen by the host (a URI or a relative path);
 * the index only compares them and hands them back.
 */
export interface WorkspaceHost {
  /** The article files to index. */
  listFiles(): Promise<string[]>;
  /** The bytes of one file; rejects when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * A content hash of `bytes`; optional, the index hashes the bytes itself otherwise. Equal bytes
   * must give equal hashes across sessions (the hash keys the persisted cache).
   */
  contentHash?(bytes: Uint8Array): string;
  /** Watcher events; optional for a one-shot host such as the CLI. */
  onDidChangeFile?(listener: (change: FileChange) => void): Disposable;
}

/**
 * A fast, stable 64-bit-ish content hash (two FNV-1a lanes plus the length). Not cryptographic: it
 * only has to tell an edited file from an unchanged one.
 */
export function hashBytes(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${bytes.length.toString(16)}`;
}
