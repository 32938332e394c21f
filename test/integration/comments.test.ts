import * as assert from 'node:assert';
import * as vscode from 'vscode';

// Drives the comments feature through its commands (this bundle is a separate module copy of the
// extension): the internal newsAnnotator.annotateRange / annotationAnchors / reloadAnnotations
// commands stand in for the gutter "+" and the window reload.

const EXTENSION_ID = 'news-annotator.news-annotator';
const SEED = '001_ef6bbce3734ab0e1.txt';
const STORE_FILE = `.news-annotations/${SEED}.jsonld`;
const NAME = 'Meng Wenzhou';

interface AnchorInfo { id: string; kind: string; start?: number; end?: number }

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder (a temp copy of test/fixtures/)');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

async function anchorOf(uri: vscode.Uri, id: string): Promise<AnchorInfo | undefined> {
  const anchors = await vscode.commands.executeCommand<AnchorInfo[]>('newsAnnotator.annotationAnchors', uri.toString());
  return anchors.find((a) => a.id === id);
}

async function readStore(): Promise<{ items: { id: string; body: { value: string; purpose?: string }[]; target: { selector: { type: string; exact?: string; start?: number; end?: number }[] } }[] }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(STORE_FILE))));
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('annotations as comments', () => {
  let original: string;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(SEED)));
  });

  after(async () => {
    // Leave the article as the other suites expect it.
    const document = await vscode.workspace.openTextDocument(workspaceFile(SEED));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`persists a comment on "${NAME}", reads it back after a reload, and moves it with an edit above`, async () => {
    const uri = workspaceFile(SEED);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf(NAME);
    assert.ok(start > 0, `${NAME} is in the seed`);
    const end = start + NAME.length;

    const id = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.annotateRange', uri.toString(), start, end, 'Elsewhere spelled Wanzhou #verify');
    assert.ok(id && /^urn:uuid:/.test(id), `an annotation id (${String(id)})`);

    // Persisted: the store file holds it, with the quote, the position and the tag.
    const stored = (await readStore()).items.find((a) => a.id === id);
    assert.ok(stored, `${STORE_FILE} holds the annotation`);
    assert.deepStrictEqual(stored.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.strictEqual(stored.target.selector[0]?.exact, NAME);
    assert.deepStrictEqual(stored.target.selector[1], { type: 'TextPositionSelector', start, end });
    assert.ok(stored.body.some((b) => b.purpose === 'tagging' && b.value === 'verify'));

    // Reload: everything in memory dropped, read again from the store.
    await vscode.commands.executeCommand('newsAnnotator.reloadAnnotations');
    assert.deepStrictEqual(await anchorOf(uri, id), { id, kind: 'exact', start, end });

    // An edit above the passage moves the anchor with it.
    const note = 'EDITOR’S NOTE: this article was updated.\n\n';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), note)));
    const moved = await eventually(async () => {
      const anchor = await anchorOf(uri, id);
      return anchor?.start === start + note.length ? anchor : undefined;
    }, 'the anchor to move');
    assert.deepStrictEqual(moved, { id, kind: 'exact', start: start + note.length, end: end + note.length });
    assert.strictEqual(document.getText().slice(moved.start, moved.end), NAME);

    // Saved, the store follows the text (selectors describe the saved article).
    await document.save();
    const followed = await eventually(async () => {
      const item = (await readStore()).items.find((a) => a.id === id);
      const position = item?.target.selector.find((s) => s.type === 'TextPositionSelector');
      return position?.start === start + note.length ? position : undefined;
    }, 'the store to follow the saved text');
    assert.strictEqual(followed.end, end + note.length);

    // And a reload after the save finds it there.
    await vscode.commands.executeCommand('newsAnnotator.reloadAnnotations');
    assert.deepStrictEqual(await anchorOf(uri, id), { id, kind: 'exact', start: start + note.length, end: end + note.length });
  });

  it('records "Mark as Person" on a selection as a classifying annotation', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(SEED));
    const editor = await vscode.window.showTextDocument(document);
    const name = 'Ren Zhengfei';
    const start = document.getText().indexOf(name);
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + name.length));
    await vscode.commands.executeCommand('newsAnnotator.markAsPerson');
    const correction = (await readStore()).items.find((a) => a.body.some((b) => b.purpose === 'classifying' && b.value === 'news:Person'));
    assert.ok(correction, 'a correction annotation in the store');
    assert.strictEqual(correction.target.selector[0]?.exact, name);
  });
});
