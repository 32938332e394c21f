// The unlabelled BBC articles the throughput benchmarks run on (../shared/eval/data/bbc beside the repo).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folder of the 2,225 BBC articles. */
export const BBC_ROOT = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'bbc');

/** Every `.txt` article under `dir`, in file-name order, as UTF-8 text. */
export function readBbcTexts(dir = BBC_ROOT): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return readBbcTexts(path);
    return name.endsWith('.txt') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Whitespace-separated tokens, counted as the shared scorer counts them. */
export function countTokens(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);
}
