import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { parseArticle } from '../../src/core/article';
import { ArticleExtractor } from '../../src/core/extract';
import { WorkspaceIndex } from '../../src/core/index';
import { loadEntityRecognizer } from '../../src/core/ner';
import type { IndexServiceLike } from '../../src/features/newsViewModel';

// What the integration suites share about the workspace the runner opens (a temp copy of
// test/fixtures/) and about the workspace index over it.

export const EXTENSION_ID = 'news-annotator.news-annotator';
/** The Free America Network seed. */
export const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
/** The Epoch Times (via NTD) seed. */
export const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';

/** A file of the opened workspace folder. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

/** Polls `probe` until it gives a value (a throw counts as none) or `timeoutMs` pass, then fails naming `what`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `check` until it holds or `ms` pass (then fails naming `what`); returns the time it took. */
export async function within(ms: number, check: () => boolean | Promise<boolean>, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) assert.fail(`${what} (waited ${ms} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The globs of the language's file name patterns, as the index service lists them. */
const ARTICLE_GLOB = '{**/[0-9][0-9][0-9]_*.txt,**/*.news.txt}';

/**
 * The core workspace index over this workspace, fed as the index service feeds it (files by URI,
 * read with `workspace.fs`, a file watcher), with an extractor of this bundle on the shipped model.
 * A suite gets an index of its own, apart from the extension's, so its views are not moved by the
 * corrections and annotations other suites make. Resolves at once; `whenReady` awaits the first build.
 */
export async function startWorkspaceIndex(extensionUri: vscode.Uri): Promise<IndexServiceLike & vscode.Disposable> {
  const model = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'models', 'ner-en.bin'));
  const extractor = new ArticleExtractor(loadEntityRecognizer(model));
  const index = new WorkspaceIndex({
    listFiles: async () => (await vscode.workspace.findFiles(ARTICLE_GLOB)).map((uri) => uri.toString()),
    readFile: async (path) => vscode.workspace.fs.readFile(vscode.Uri.parse(path)),
    onDidChangeFile: (listener) => {
      const watcher = vscode.workspace.createFileSystemWatcher(ARTICLE_GLOB);
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate((uri) => listener({ kind: 'created', path: uri.toString() })),
        watcher.onDidChange((uri) => listener({ kind: 'changed', path: uri.toString() })),
        watcher.onDidDelete((uri) => listener({ kind: 'deleted', path: uri.toString() })),
      );
    },
  }, (text) => {
    const article = parseArticle(text);
    return { article, analysis: extractor.analyzeArticle(text, article) };
  }, { modelVersion: 'integration-test' });
  const watching = index.watch();
  const built = index.build();
  return {
    index,
    whenReady: async () => void (await built),
    dispose: () => {
      watching.dispose();
      index.dispose();
    },
  };
}
