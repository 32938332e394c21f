import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { workspaceFile, eventually } from './workspaceIndexKit';

// Drives the comments feature through its commands (this bundle is a separate module copy of the
// extension): the internal newsAnnotator.annotateRange / annotationAnchors / reloadAnnotations
// commands stand in for the gutter "+" and the window reload.

const EXTENSION_ID = 'news-annotator.news-annotator';
const SEED = '001_ef6bbce3734ab0e1.txt';
const STORE_FILE = `.news-annotations/${SEED}.jsonld`;
const NAME = 'Meng Wenzhou';

interface AnchorInfo { id: string; kind: string; start?: number; end?: number }

async function anchorOf(uri: vscode.Uri, id: string): Promise<AnchorInfo | undefined> {
  const anchors = await vscode.commands.executeCommand<AnchorInfo[]>('newsAnnotator.annotationAnchors', uri.toString());
  return anchors.find((a) => a.id === id);
}

async function readStore(): Promise<{ items: { id: string; body: { value: string; purpose?: string }[]; target: { selector: { type: string; exact?: string; start?: number; end?: number }[] } }[] }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(STORE_FILE))));
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

  it('replies, edits with tags, resolves and reopens, deletes, assesses, re-attaches an orphan and exports, through the registered commands on real comment threads', async () => {
    const uri = workspaceFile(SEED);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const passage = 'Ren, a former army engineer';
    const start = document.getText().indexOf(passage);
    assert.ok(start > 0, 'the passage is in the seed');
    const id = await vscode.commands.executeCommand<string>('newsAnnotator.annotateRange', uri.toString(), start, start + passage.length, 'Check his service record');
    const thread = await eventually(async () => vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri.toString(), id), 'the comment thread');
    const item = async (wanted: string) => (await readStore()).items.find((a) => a.id === wanted) as undefined | { id: string; status?: string; target: unknown; body: { value: string; purpose?: string }[] };

    // Reply: an annotation of its own whose target is the root.
    await vscode.commands.executeCommand('newsAnnotator.replyAnnotation', { thread, text: 'Army records say 1974 #source' });
    const reply = await eventually(async () => (await readStore()).items.find((a) => (a as { target: unknown }).target === id), 'the reply in the store');
    assert.ok(reply.body.some((b) => b.purpose === 'tagging' && b.value === 'source'));
    const live = () => vscode.commands.executeCommand<vscode.CommentThread>('newsAnnotator.annotationThread', uri.toString(), id);
    assert.strictEqual((await eventually(async () => ((await live())?.comments.length === 2 ? live() : undefined), 'the reply in the thread')).comments.length, 2);

    // Edit: the comment goes into editing mode, its new text (with a #tag) is saved.
    const root = (await live()).comments[0] as vscode.Comment;
    await vscode.commands.executeCommand('newsAnnotator.editAnnotation', root);
    assert.strictEqual(root.mode, vscode.CommentMode.Editing);
    root.body = 'Check his service record in the army archive #claim';
    await vscode.commands.executeCommand('newsAnnotator.saveAnnotation', root);
    const edited = await eventually(async () => {
      const found = await item(id);
      return found?.body.some((b) => b.value === 'Check his service record in the army archive #claim') ? found : undefined;
    }, 'the edited text in the store');
    assert.ok(edited.body.some((b) => b.purpose === 'tagging' && b.value === 'claim'), 'the #tag became a tagging body');

    // Resolve, then reopen.
    await vscode.commands.executeCommand('newsAnnotator.resolveAnnotation', await live());
    await eventually(async () => ((await item(id))?.status === 'resolved' ? true : undefined), 'resolved in the store');
    await vscode.commands.executeCommand('newsAnnotator.reopenAnnotation', await live());
    await eventually(async () => ((await item(id))?.status === 'open' ? true : undefined), 'reopened in the store');

    // Assessment with a verdict of the configured rating scale.
    const scale = vscode.workspace.getConfiguration('newsAnnotator').get<string[]>('ratingScale') ?? [];
    assert.ok(scale.length > 1, 'a rating scale is configured');
    const claim = 'has never spied for the Chinese government';
    const claimStart = document.getText().indexOf(claim);
    const assessed = await vscode.commands.executeCommand<string>('newsAnnotator.annotateRange', uri.toString(), claimStart, claimStart + claim.length, 'Unverifiable so far', 'assessing', scale[1]);
    const verdict = (await item(assessed))?.body.find((b) => b.purpose === 'assessing');
    assert.strictEqual(verdict?.value, scale[1]);

    // Delete the root: its thread (the reply too) goes, tombstones stay.
    await vscode.commands.executeCommand('newsAnnotator.deleteAnnotation', (await live()).comments[0]);
    await eventually(async () => ((await item(id)) === undefined && (await item(reply.id)) === undefined ? true : undefined), 'the thread gone from the store');

    // Orphan: the passage is removed, the annotation orphans, and is re-attached to a new selection.
    const quote = 'Huawei has also been banned from several countries’ markets';
    const quoteStart = document.getText().indexOf(quote);
    const orphanId = await vscode.commands.executeCommand<string>('newsAnnotator.annotateRange', uri.toString(), quoteStart, quoteStart + quote.length, 'Which countries?');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(document.positionAt(quoteStart), document.positionAt(quoteStart + quote.length)))));
    await eventually(async () => ((await anchorOf(uri, orphanId))?.kind === 'orphan' ? true : undefined), 'the annotation to orphan');
    const replacement = 'Several countries have banned Huawei';
    assert.ok(await editor.edit((b) => b.insert(document.positionAt(quoteStart), replacement)));
    editor.selection = new vscode.Selection(document.positionAt(quoteStart), document.positionAt(quoteStart + replacement.length));
    await vscode.commands.executeCommand('newsAnnotator.reattachAnnotation', orphanId);
    const reattached = await eventually(async () => {
      const anchor = await anchorOf(uri, orphanId);
      return anchor?.kind === 'exact' ? anchor : undefined;
    }, 'the re-attached anchor');
    assert.deepStrictEqual(reattached, { id: orphanId, kind: 'exact', start: quoteStart, end: quoteStart + replacement.length });

    // Export to a file, without the dialogs (format and destination as arguments).
    const destination = workspaceFile('annotations-export.jsonld');
    const count = await vscode.commands.executeCommand<number>('newsAnnotator.exportAnnotations', 'jsonld', destination.toString());
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(destination)));
    assert.strictEqual(exported.type, 'AnnotationCollection');
    const ids = (exported.first?.items ?? []).map((a: { id: string }) => a.id);
    assert.ok(count >= 3 && ids.includes(orphanId) && ids.includes(assessed) && !ids.includes(id), `exported ${count}: ${ids.join(', ')}`);
    await vscode.workspace.fs.delete(destination);
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
