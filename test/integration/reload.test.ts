import * as assert from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { workspaceFile, eventually } from './workspaceIndexKit';

// A comment survives a REAL window reload (comments.test only simulates one with the internal
// newsAnnotator.reloadAnnotations). scripts/run-integration-tests.mjs runs this suite alone, in a
// second VS Code run (NEWS_ANNOTATOR_TEST_SUITE=reload), and names a marker file that does not exist
// yet (NEWS_ANNOTATOR_RELOAD_MARKER). In extension-test mode a reloaded window runs the tests again in
// its new extension host, so the suite runs twice, and the marker tells which side of the reload it is:
// - before: annotate "Meng Wenzhou", check the store file, write the marker, reload the window;
// - after: a new extension host process, the extension activated afresh, nothing reloaded by hand:
//   the annotation is back on exactly that range, as a real comment thread, and moves with an edit.

const EXTENSION_ID = 'news-annotator.news-annotator';
const SEED = '001_ef6bbce3734ab0e1.txt';
const STORE_FILE = `.news-annotations/${SEED}.jsonld`;
const NAME = 'Meng Wenzhou';
const TEXT = 'Elsewhere spelled Wanzhou #verify';
/** How long the window gets to go away after the reload command before the first half fails. */
const RELOAD_WAIT_MS = 30_000;

/** What the first half hands the second one. */
interface ReloadMarker { id: string; pid: number; start: number; end: number; reloadedAt: number }
interface AnchorInfo { id: string; kind: string; start?: number; end?: number }

const markerPath = process.env.NEWS_ANNOTATOR_RELOAD_MARKER;

async function anchorOf(uri: vscode.Uri, id: string): Promise<AnchorInfo | undefined> {
  const anchors = await vscode.commands.executeCommand<AnchorInfo[] | undefined>('newsAnnotator.annotationAnchors', uri.toString());
  return anchors?.find((a) => a.id === id);
}

async function storedItem(id: string): Promise<{ target: { selector: { type: string; exact?: string; start?: number; end?: number }[] } } | undefined> {
  const store = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(STORE_FILE))));
  return store.items.find((a: { id: string }) => a.id === id);
}

/** Whether a process still runs (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('a comment across a real window reload', () => {
  if (!markerPath) {
    it('needs NEWS_ANNOTATOR_RELOAD_MARKER (scripts/run-integration-tests.mjs sets it)', () => {
      assert.fail('NEWS_ANNOTATOR_RELOAD_MARKER is not set: run this suite through npm run test:integration');
    });
    return;
  }

  if (!existsSync(markerPath)) {
    it(`before the reload: annotates "${NAME}", finds it in the store file, reloads the window`, async () => {
      const uri = workspaceFile(SEED);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const start = document.getText().indexOf(NAME);
      assert.ok(start > 0, `${NAME} is in the seed`);
      const end = start + NAME.length;

      const id = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.annotateRange', uri.toString(), start, end, TEXT);
      assert.ok(id && /^urn:uuid:/.test(id), `an annotation id (${String(id)})`);
      // On disk before the reload: the new window can only find what the store file holds.
      const stored = await eventually(() => storedItem(id), `${STORE_FILE} to hold the annotation`);
      assert.strictEqual(stored.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, NAME);

      const marker: ReloadMarker = { id, pid: process.pid, start, end, reloadedAt: Date.now() };
      writeFileSync(markerPath, JSON.stringify(marker));
      console.log(`news-annotator reload test: annotation ${id} stored, extension host ${process.pid} reloads the window`);
      // The page reloads and this extension host goes away: the test never passes here. If the
      // window is still here after RELOAD_WAIT_MS, the reload did not happen and the run fails.
      void vscode.commands.executeCommand('workbench.action.reloadWindow');
      await new Promise((resolve) => setTimeout(resolve, RELOAD_WAIT_MS));
      rmSync(markerPath, { force: true });
      throw new Error(`the window did not reload within ${RELOAD_WAIT_MS / 1000} s of workbench.action.reloadWindow`);
    }).timeout(RELOAD_WAIT_MS + 30_000);
    return;
  }

  it(`after the reload: the comment on "${NAME}" is back, as a thread, and moves with an edit above it`, async () => {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as ReloadMarker;
    // A new extension host process: the reload was real, not a re-run in the same host.
    assert.notStrictEqual(process.pid, marker.pid, 'the tests run in a new extension host after the reload');
    // The old host must be gone, so it cannot write the store behind this one's back.
    const waitedFrom = Date.now();
    const lingered = isRunning(marker.pid);
    await eventually(async () => (isRunning(marker.pid) ? undefined : true), `the old extension host (${marker.pid}) to exit`);
    console.log(`news-annotator reload test: extension host ${process.pid}, ${waitedFrom - marker.reloadedAt} ms after the reload command; the old one (${marker.pid}) ${lingered ? `exited ${Date.now() - waitedFrom} ms later` : 'had already exited'}`);

    const uri = workspaceFile(SEED);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    assert.strictEqual(document.getText().slice(marker.start, marker.end), NAME, 'the article is as the first half left it');

    // Back from the store file alone (no newsAnnotator.reloadAnnotations), at exactly the name.
    const anchor = await eventually(() => anchorOf(uri, marker.id), 'the annotation to be anchored in the reloaded window');
    assert.deepStrictEqual(anchor, { id: marker.id, kind: 'exact', start: marker.start, end: marker.end });
    const thread = await eventually(
      async () => vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri.toString(), marker.id),
      'the comment thread');
    assert.strictEqual(thread.uri.toString(), uri.toString());
    assert.ok(thread.range, 'the thread has a range');
    assert.deepStrictEqual(
      [document.offsetAt(thread.range.start), document.offsetAt(thread.range.end)], [marker.start, marker.end],
      'the comment thread is on the name');
    const body = thread.comments[0]?.body;
    const bodyText = typeof body === 'string' ? body : body?.value;
    assert.strictEqual(bodyText, TEXT, 'the comment text is back');

    // An edit above the passage moves the anchor (and the thread) by its length.
    const note = 'EDITOR’S NOTE: this article was updated after the reload.\n';
    try {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), note)));
      const moved = await eventually(async () => {
        const found = await anchorOf(uri, marker.id);
        return found?.start === marker.start + note.length ? found : undefined;
      }, 'the anchor to move with the edit');
      assert.deepStrictEqual(moved, { id: marker.id, kind: 'exact', start: marker.start + note.length, end: marker.end + note.length });
      assert.strictEqual(document.getText().slice(moved.start, moved.end), NAME);
      assert.ok(thread.range);
      assert.strictEqual(document.offsetAt(thread.range.start), marker.start + note.length, 'the thread moved too');
    } finally {
      // The edit is not saved: revert it, so closing the editor asks nothing.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(markerPath, { force: true });
    }
  });
});
