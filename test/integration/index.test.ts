import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_SEED, OTHER_SEED, within, workspaceFile } from './workspaceIndexKit';

// The cross-file index through VS Code's own provider commands, on a temp copy of test/fixtures/.
// Needs the shipped NER model (models/ner-en.bin): without it no person is found and the suite skips.

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Cross-file index: hover and references on the seeds', function () {
  this.timeout(120_000);
  let first: vscode.TextDocument;
  let renPosition: vscode.Position;

  const hoverAtRen = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', first.uri, renPosition));
  const referenceFiles = async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', first.uri, renPosition);
    return new Set((locations ?? []).map((l) => l.uri.path.split('/').pop()));
  };

  before(async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    if (!existsSync(join(extension.extensionPath, 'models', 'ner-en.bin'))) this.skip();
    await extension.activate();
    first = await vscode.workspace.openTextDocument(workspaceFile(FIRST_SEED));
    if (first.languageId !== 'news-article') first = await vscode.languages.setTextDocumentLanguage(first, 'news-article');
    renPosition = first.positionAt(first.getText().indexOf('Ren Zhengfei') + 1);
  });

  it('hovering Ren Zhengfei in one seed names the other article', async () => {
    await within(60_000, async () => (await hoverAtRen()).includes(OTHER_SEED), 'the hover names the other seed');
    const text = await hoverAtRen();
    assert.match(text, /Ren Zhengfei/);
    assert.match(text, /person/);
    assert.match(text, /command:newsAnnotator\.openMention/);
  });

  it('executeReferenceProvider returns mentions in both files', async () => {
    const files = await referenceFiles();
    assert.ok(files.has(FIRST_SEED) && files.has(OTHER_SEED), [...files].join(', '));
  });

  it('goes to the first mention, lists the person in workspace symbols and hints at a variant spelling', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', first.uri, renPosition);
    assert.equal(definitions.length, 1);
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Zhengfei');
    assert.ok(symbols.some((s) => s.name === 'Ren Zhengfei'), symbols.map((s) => s.name).join(', '));
    const other = await vscode.workspace.openTextDocument(workspaceFile(OTHER_SEED));
    if (other.languageId !== 'news-article') await vscode.languages.setTextDocumentLanguage(other, 'news-article');
    await within(5000, async () => vscode.languages.getDiagnostics(other.uri).some((d) => /^also spelled Meng Wanzhou in 1 article$/.test(d.message)), 'a hint on Meng Wenzhou');
    const hint = vscode.languages.getDiagnostics(other.uri).find((d) => d.message.startsWith('also spelled'));
    assert.equal(hint?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(other.getText(hint?.range), 'Meng Wenzhou');
  });

  it('an edit renaming the person in one file updates hovers and references within a second', async () => {
    const other = await vscode.workspace.openTextDocument(workspaceFile(OTHER_SEED));
    if (other.languageId !== 'news-article') await vscode.languages.setTextDocumentLanguage(other, 'news-article');
    const editor = await vscode.window.showTextDocument(other);
    const text = other.getText();
    const edit = new vscode.WorkspaceEdit();
    for (const m of text.matchAll(/\bRen\b/g)) {
      const start = other.positionAt(m.index as number);
      edit.replace(other.uri, new vscode.Range(start, start.translate(0, 3)), 'Wu');
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const took = await within(1000, async () => !(await hoverAtRen()).includes(OTHER_SEED) && !(await referenceFiles()).has(OTHER_SEED), 'hover and references drop the edited seed');
      assert.ok(took <= 1000);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await within(5000, async () => (await referenceFiles()).has(OTHER_SEED), 'the reverted seed is indexed again');
  });
});
