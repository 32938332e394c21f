import * as assert from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createAnnotation, selectorsFor, serializeStoreFile, storePathFor } from '../../src/core/annotations';
import type { NewsViewModel } from '../../src/features/newsViewModel';
import { EXTENSION_ID, FIRST_SEED, eventually, workspaceFile } from './workspaceIndexKit';

// A `git pull` (or any program) that rewrites an article outside the editor, with its annotation
// store untouched: the annotations follow without a reload, closed article or open. The files are
// written with Node's fs, as git would, never through VS Code. The articles live under pulled/,
// outside the article patterns, so the index and the other suites do not see them.

const NAME = 'Ren Zhengfei';
const NOTE = 'EDITOR’S NOTE: this article was updated after publication.\n\n';

/**
 * Writes an article and a store holding one annotation on the first `NAME` in it, and has the
 * extension read the stores (the store's own watcher is not what is tested here); returns the
 * annotation's id and offsets.
 */
async function seedAnnotatedArticle(article: string, text: string): Promise<{ id: string; start: number; end: number }> {
  const start = text.indexOf(NAME);
  assert.ok(start > 0, `${NAME} is in the seed`);
  const end = start + NAME.length;
  const annotation = createAnnotation({ motivation: 'commenting', text: 'Check the spelling', target: { source: article, selector: selectorsFor(text, start, end) } });
  const articleFile = workspaceFile(article).fsPath;
  const storeFile = workspaceFile(storePathFor(article)).fsPath;
  mkdirSync(workspaceFile(article.split('/').slice(0, -1).join('/')).fsPath, { recursive: true });
  writeFileSync(articleFile, text);
  mkdirSync(workspaceFile(storePathFor(article).split('/').slice(0, -1).join('/')).fsPath, { recursive: true });
  writeFileSync(storeFile, serializeStoreFile(article, { annotations: new Map([[annotation.id, annotation]]), deleted: new Map() }));
  await vscode.commands.executeCommand('newsAnnotator.reloadAnnotations');
  return { id: annotation.id, start, end };
}

describe('articles changed on disk (a git pull)', () => {
  let model: NewsViewModel;
  let seed: string;

  before(async () => {
    const extension = vscode.extensions.getExtension<{ newsViewModel: NewsViewModel }>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    model = (await extension.activate()).newsViewModel;
    seed = readFileSync(workspaceFile(FIRST_SEED).fsPath, 'utf8');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(workspaceFile('pulled').fsPath, { recursive: true, force: true });
    rmSync(workspaceFile('.news-annotations/pulled').fsPath, { recursive: true, force: true });
  });

  const listed = (id: string) => model.annotations().find((a) => a.id === id);

  it('re-anchors the annotations of a closed article and updates the Annotations view, without opening it', async () => {
    const article = 'pulled/closed-article.txt';
    const { id, start, end } = await seedAnnotatedArticle(article, seed);
    const uri = workspaceFile(article).toString();
    await eventually(async () => (listed(id)?.range?.start === start ? true : undefined), 'the annotation in the Annotations view', 15_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri), 'the article is not open');

    // The pull: a note above the passage, and a paragraph gone far below it.
    const pulled = NOTE + seed.replace(/\n[^\n]*$/, '\n');
    writeFileSync(workspaceFile(article).fsPath, pulled);
    const moved = await eventually(async () => {
      const item = listed(id);
      return item?.range?.start === start + NOTE.length ? item : undefined;
    }, 'the annotation to move with the text inserted above it', 15_000);
    assert.deepStrictEqual(moved.range, { start: start + NOTE.length, end: end + NOTE.length });
    assert.strictEqual(pulled.slice(moved.range.start, moved.range.end), NAME);
    assert.strictEqual(moved.orphaned, false);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri), 'the article was never opened');

    // A pull that removes the passage orphans it (and says so in the view), rather than pinning it elsewhere.
    writeFileSync(workspaceFile(article).fsPath, pulled.split(NAME).join('the founder'));
    await eventually(async () => (listed(id)?.orphaned ? true : undefined), 'the annotation to become an orphan', 15_000);
  });

  it('moves the comment thread of an open article whose file changed on disk', async () => {
    const article = 'pulled/open-article.txt';
    const { id, start, end } = await seedAnnotatedArticle(article, seed);
    const uri = workspaceFile(article);
    await eventually(async () => (listed(id) ? true : undefined), 'the annotation in the Annotations view', 15_000);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await eventually(async () => vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri.toString(), id), 'the comment thread');

    writeFileSync(uri.fsPath, NOTE + seed);
    await eventually(async () => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const live = await vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri.toString(), id);
      return document && live?.range && document.offsetAt(live.range.start) === start + NOTE.length && document.offsetAt(live.range.end) === end + NOTE.length ? true : undefined;
    }, 'the comment thread to move with the reloaded text', 15_000);
    assert.deepStrictEqual(listed(id)?.range, { start: start + NOTE.length, end: end + NOTE.length });
  });
});
