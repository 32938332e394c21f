import * as vscode from 'vscode';
import { STORE_FOLDER } from '../core/annotations';
import { type Logger, silentLogger } from '../core/logger';

/**
 * A pull or a checkout rewrites a file in several writes, and tools touch it twice (write, then
 * chmod or rename): a file is reported once it has been quiet this long (per file, as Foam does).
 */
export const ARTICLE_CHANGE_DEBOUNCE_MS = 250;

/** What the watcher tells: a file of a workspace folder changed, appeared or went on disk. */
export interface ArticleFileWatcherDeps {
  /** Called once per burst of changes to one file (never for the annotation stores themselves). */
  onDidChangeOnDisk(uri: vscode.Uri): void | Promise<void>;
  /** Where a failure to follow a change is reported (the extension's log channel). */
  readonly logger?: Logger;
}

/**
 * Watches the files of the workspace folders on disk, so annotations on an article that is not open
 * follow a change made outside the editor (an open document already follows its own reloads). Every
 * file is watched, not only the article patterns: any text file of a folder can be annotated.
 */
export function registerArticleFileWatcher(deps: ArticleFileWatcherDeps): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const later = (uri: vscode.Uri) => {
    if (uri.path.includes(`/${STORE_FOLDER}/`) || uri.path.includes('/.git/')) return;
    const key = uri.toString();
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      Promise.resolve(deps.onDidChangeOnDisk(uri)).catch((err: unknown) => {
        (deps.logger ?? silentLogger).error(`could not follow the change of ${key} on disk`, err);
      });
    }, ARTICLE_CHANGE_DEBOUNCE_MS));
  };
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(later),
    watcher.onDidCreate(later),
    watcher.onDidDelete(later),
    new vscode.Disposable(() => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    }),
  );
}
