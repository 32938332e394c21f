import * as fs from 'node:fs';
import { decodeArticleBytes } from '../core/decode';

/** An error meant for the user: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/**
 * Reads a file as strict UTF-8 text (a leading BOM is dropped).
 * Throws a CliError for a missing, unreadable, binary or non-UTF-8 file.
 */
export function readTextFile(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'cannot read');
    throw new CliError(`${path}: ${why}`);
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.reason}`);
  return decoded.text;
}
