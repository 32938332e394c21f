import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { workspaceFile } from './workspaceIndexKit';
import type { AnalysisBackend } from '../../src/features/analysisBackend';
import { WorkspaceIndexService } from '../../src/features/workspaceIndexService';

const FIRST_SEED = '000_fc681af9c8dd27c5.txt';

/** Waits until `condition` holds, polling (events reach the service asynchronously). */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe('activation', () => {
  // Earlier suites have opened the seeds, so the real service has started; a fresh service that
  // sees no document open at construction shows the gating itself on real open events.
  it('starts the index only once an article opens, not for a plain-text file', async () => {
    let backendLoads = 0;
    const loadBackend = (): Promise<AnalysisBackend> => {
      backendLoads++;
      // Never ready: the test only counts the start (a rejection would be logged as a failed start).
      return new Promise<AnalysisBackend>(() => undefined);
    };
    const context = { storageUri: undefined, globalStorageUri: vscode.Uri.file('/tmp/news-activation-test') } as unknown as vscode.ExtensionContext;
    const service = new WorkspaceIndexService(context, loadBackend, () => []);
    try {
      const plain = workspaceFile('shopping-list.txt');
      await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode('eggs\nmilk\nbread\n'));
      const plainDocument = await vscode.workspace.openTextDocument(plain);
      await vscode.window.showTextDocument(plainDocument);
      assert.notStrictEqual(plainDocument.languageId, 'news-article');
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(service.state, 'idle', 'a plain-text file does not start the index');
      assert.strictEqual(backendLoads, 0, 'nor loads the analysis backend');

      const article = workspaceFile('990_activation_probe.txt');
      await vscode.workspace.fs.copy(workspaceFile(FIRST_SEED), article, { overwrite: true });
      const articleDocument = await vscode.workspace.openTextDocument(article);
      assert.strictEqual(articleDocument.languageId, 'news-article');
      assert.ok(await until(() => service.state === 'started'), 'opening an article starts the index');
      assert.ok(await until(() => backendLoads === 1), 'and loads the backend once');
      assert.strictEqual(await vscode.commands.executeCommand('newsAnnotator.indexState'), 'started');
    } finally {
      service.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Later suites count the workspace's articles: leave the folder as it was.
      for (const name of ['shopping-list.txt', '990_activation_probe.txt']) {
        await vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);
      }
    }
  });
});
