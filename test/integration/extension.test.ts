import * as assert from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'news-annotator.news-annotator';
const FIRST_SEED = '000_fc681af9c8dd27c5.txt';

/** A file of the workspace folder the runner opened (a temp copy of test/fixtures/). */
function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens test/fixtures/ (a temp copy) as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

describe('extension', () => {
  // First on purpose: nothing has opened an article yet, so the extension is not active and its
  // activation (loading the bundle plus activate()) can be timed in this real extension host.
  // The figure is printed, not asserted: speed is a benchmark (bench/activation.bench.ts reads it).
  it('activates (activation time printed)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    if (extension.isActive) {
      console.log('activation: already active before the first test (an activation event fired at start-up)');
      return;
    }
    const start = performance.now();
    await extension.activate();
    const elapsed = performance.now() - start;
    assert.ok(extension.isActive);
    console.log(`activation: ${elapsed.toFixed(2)} ms`);
  });

  it('loads from the folder under test', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.strictEqual(extension.packageJSON.name, 'news-annotator');
    assert.ok(path.isAbsolute(extension.extensionPath));
  });

  it('opens a seed article as the News Article language', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(FIRST_SEED));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'news-article');
  });
});
