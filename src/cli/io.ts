import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeArticleBytes } from '../core/decode';

/** An error meant for the user: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** A file-system error whose message is already one clear sentence (see describeFsError); keeps the errno `code`. */
export class FsError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'FsError';
  }
}

/** What a failed system call was trying to do, for the sentence. */
const WRITING_CALLS = new Set(['write', 'mkdir', 'rename', 'link', 'unlink', 'rm', 'rmdir', 'copyfile', 'symlink', 'fsync', 'ftruncate', 'utime', 'chmod']);

/**
 * One clear sentence for a failed file-system call (an error with a Node errno `code`), naming the
 * path: "permission denied", "the file system is read-only", "a symbolic link loop"… rather than a
 * bare EACCES or ELOOP. `intent` says whether the caller was writing, where the call does not tell
 * (an `open`). Undefined for any other error.
 */
export function describeFsError(err: unknown, fallbackPath?: string, intent?: 'read' | 'write'): string | undefined {
  const reason = fsErrorReason(err, intent);
  if (reason === undefined) return undefined;
  return `${(err as NodeJS.ErrnoException).path ?? fallbackPath ?? 'a file'}: ${reason}`;
}

/** The reason part of {@link describeFsError}, without the path. */
export function fsErrorReason(err: unknown, intent?: 'read' | 'write'): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, syscall } = err as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  const writing = intent === 'write' || (intent === undefined && syscall !== undefined && WRITING_CALLS.has(syscall));
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied: this user may not ${writing ? 'write there' : 'read it'} (${code})`;
    case 'EROFS':
      return 'the file system is read-only, so nothing can be written there (EROFS)';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symbolic link loop?) (ELOOP)';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder (ENOTDIR)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is exceeded (EDQUOT)';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code}); close some programs and try again`;
    case 'ENAMETOOLONG':
      return 'the file name is too long (ENAMETOOLONG)';
    case 'EBUSY':
      return 'the file is busy (EBUSY); try again';
    case 'EIO':
      return 'input/output error: the disk or network share failed (EIO)';
    default:
      return `${syscall ?? 'file operation'} failed (${code})`;
  }
}

/**
 * Reads a file as text: strict UTF-8 (a leading BOM is dropped) or UTF-16 with a BOM.
 * Throws a CliError for a missing, unreadable, binary or undecodable file.
 */
export function readTextFile(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (err) {
    throw new CliError(describeFsError(err, path) ?? `${path}: cannot read`);
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.reason}`);
  return decoded.text;
}

/** The text of a workspace-relative article under `root`, or undefined when it cannot be read or decoded. */
export function readArticleUnder(root: string, article: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(root, ...article.split('/')));
  } catch {
    return undefined;
  }
  const decoded = decodeArticleBytes(bytes);
  return decoded.ok ? decoded.text : undefined;
}
