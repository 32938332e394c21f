import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceFile } from './workspaceIndexKit';

// The VS Code import (newsAnnotator.importAnnotations, given the file instead of the open dialog)
// refuses a target source outside the workspace folder and writes nothing, as the CLI does.

const EXTENSION_ID = 'news-annotator.news-annotator';
const SEED = '001_ef6bbce3734ab0e1.txt';

describe('importing annotations in VS Code: nothing escapes the workspace', () => {
  let dir: string;
  const folder = () => workspaceFile('.').fsPath;
  const escaped = () => path.resolve(folder(), '..', 'escaped-by-import.jsonld');
  const importFile = async (annotations: unknown) => {
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(file, JSON.stringify(annotations));
    return vscode.commands.executeCommand<number | undefined>('newsAnnotator.importAnnotations', vscode.Uri.file(file).toString());
  };
  const annotation = (source: string, id: string) => ({ type: 'Annotation', id, body: 'From another tool', target: { source, selector: { type: 'TextQuoteSelector', exact: 'the Financial Times reported' } } });

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-import-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(escaped(), { force: true });
  });

  it('refuses a source that climbs out of the folder, an absolute path or another origin, and writes nothing', async () => {
    const storeBefore = fs.existsSync(path.join(folder(), '.news-annotations', 'escaped-by-import.jsonld'));
    for (const source of ['../../escaped-by-import', '../escaped-by-import', path.join(dir, 'escaped-by-import'), 'https://example.org/escaped-by-import']) {
      const count = await importFile([annotation(SEED, 'urn:x:import-ok'), annotation(source, 'urn:x:import-bad')]);
      assert.strictEqual(count, undefined, source);
      assert.ok(!fs.existsSync(escaped()), `${escaped()} was written for ${source}`);
      assert.ok(!fs.existsSync(path.join(dir, 'escaped-by-import.jsonld')), source);
    }
    assert.strictEqual(storeBefore, false);
    // The whole file was refused: not even its good annotation was stored.
    const store = path.join(folder(), '.news-annotations', `${SEED}.jsonld`);
    const stored = fs.existsSync(store) ? (JSON.parse(fs.readFileSync(store, 'utf8')) as { items: { id: string }[] }).items.map((i) => i.id) : [];
    assert.ok(!stored.includes('urn:x:import-ok'), stored.join(', '));
  });

  it('imports a file URI inside the folder as its relative path', async () => {
    const count = await importFile(annotation(workspaceFile(SEED).toString(), 'urn:x:import-inside'));
    assert.strictEqual(count, 1);
    const stored = JSON.parse(fs.readFileSync(path.join(folder(), '.news-annotations', `${SEED}.jsonld`), 'utf8')) as { items: { id: string; target: { source: string } }[] };
    assert.strictEqual(stored.items.find((i) => i.id === 'urn:x:import-inside')?.target.source, SEED);
  });
});
