/**
 * Article paths that come from file content (an imported annotation's `target.source`, a store
 * write): the one check that keeps them inside the workspace folder. A store file lives at
 * `.news-annotations/<article path>.jsonld`, so an article path that climbs out of the folder would
 * make an import write anywhere on disk.
 */

/** An article path (workspace-relative, `/`-separated, normalized), or why a source names none. */
export type ArticlePathResult = { readonly ok: true; readonly article: string } | { readonly ok: false; readonly reason: string };

/** URI schemes that are never article paths, even without `//` (`urn:uuid:…`, `mailto:…`). */
const OPAQUE_SCHEMES = new Set(['urn', 'data', 'mailto', 'javascript', 'about', 'blob', 'tag', 'doi', 'isbn']);

/**
 * The workspace-relative article path a target source names, or why it is refused:
 * - a relative path (`a/b.txt`, `./a\\b.txt`) is normalized; one that climbs out of the folder
 *   (`../x`) is refused;
 * - a URI inside `folderUri` (the workspace folder, e.g. `file:///home/ann/news`) is made relative;
 *   any other URI (a web page, another folder) is refused;
 * - an absolute file-system path (`/x`, `C:\\x`, `\\\\server\\x`) is refused: it names no article of
 *   this folder portably.
 */
export function articlePathFromSource(source: string, folderUri?: string): ArticlePathResult {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(source)?.[1];
  const isDrive = scheme !== undefined && scheme.length === 1;
  if (scheme !== undefined && !isDrive && (source.startsWith(`${scheme}://`) || OPAQUE_SCHEMES.has(scheme.toLowerCase()))) {
    const inside = folderUri === undefined ? undefined : pathInsideFolder(source, folderUri);
    if (inside === undefined) return refuse(`${source} is outside the workspace folder (only files of the folder can be annotated here)`);
    return normalizeArticlePath(inside, source);
  }
  if (isDrive || source.startsWith('/') || source.startsWith('\\')) {
    return refuse(`${source} is an absolute path; give the article's path relative to the workspace folder`);
  }
  return normalizeArticlePath(source.replace(/\\/g, '/'), source);
}

/**
 * Why a store cannot hold `article` (undefined when it can): an absolute path, or one with a `..`
 * segment (either separator: Windows reads `\\` as one), could put its store file outside the
 * folder. The check a store applies before it reads or writes, whatever the path came from.
 */
export function articlePathProblem(article: string): string | undefined {
  if (article === '') return 'an empty article path';
  if (/^([\\/]|[a-zA-Z]:)/.test(article)) return `${article} is an absolute path, not an article of the workspace folder`;
  if (article.split(/[\\/]/).includes('..')) return `${article} climbs out of the workspace folder`;
  return undefined;
}

/** An article path that would reach outside the workspace folder (see {@link articlePathProblem}). */
export class ArticlePathError extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = 'ArticlePathError';
  }
}

function normalizeArticlePath(relative: string, original: string): ArticlePathResult {
  if (/[\u0000-\u001f\u007f]/.test(relative)) return refuse(`${JSON.stringify(original)} contains control characters`);
  const parts: string[] = [];
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return refuse(`${original} resolves outside the workspace folder`);
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  if (parts.length === 0) return refuse(`${original} names the workspace folder itself, not an article`);
  return { ok: true, article: parts.join('/') };
}

/** The decoded path of `uri` relative to `folderUri` (same scheme and authority, below its path), else undefined. */
function pathInsideFolder(uri: string, folderUri: string): string | undefined {
  const a = splitUri(uri);
  const folder = splitUri(folderUri);
  if (!a || !folder || a.scheme !== folder.scheme || a.authority !== folder.authority) return undefined;
  const base = folder.path.replace(/\/+$/, '');
  const comparable = (p: string) => (a.scheme === 'file' ? p.replace(/^\/([a-zA-Z]):/, (_m, d: string) => `/${d.toLowerCase()}:`) : p);
  const full = comparable(a.path);
  const prefix = `${comparable(base)}/`;
  return full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
}

function splitUri(uri: string): { scheme: string; authority: string; path: string } | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[3] as string);
  } catch {
    return undefined;
  }
  return { scheme: (match[1] as string).toLowerCase(), authority: (match[2] as string).toLowerCase(), path };
}

function refuse(reason: string): ArticlePathResult {
  return { ok: false, reason };
}
