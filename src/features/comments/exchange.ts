/** Exchange of annotations with other tools: export (JSON-LD, CSV, Markdown) and import (W3C JSON-LD). */
import * as vscode from 'vscode';
import { type AnnotationStore, exportFromStore, importIntoStore, parseAnnotationDocument, toAnnotationCollection, toCsv, toMarkdown } from '../../core/annotations';

/** What export and import need from the comments feature. */
export interface ExchangeHost {
  storeFor(folder: vscode.WorkspaceFolder): AnnotationStore;
  /** Reads the stores again and shows what was imported. */
  loadAll(): Promise<void>;
}

/** Registers the export and import commands. */
export function registerExchangeCommands(comments: ExchangeHost): vscode.Disposable[] {
  const register = vscode.commands.registerCommand;
  return [
    // Arguments (a format and a destination URI) skip the dialogs: for keybindings, tasks and tests.
    register('newsAnnotator.exportAnnotations', async (formatArg?: 'jsonld' | 'csv' | 'md', destinationArg?: string) => {
      if (formatArg && destinationArg) return exportTo(comments, formatArg, vscode.Uri.parse(destinationArg));
      const picked = await vscode.window.showQuickPick([
        { label: 'W3C JSON-LD (AnnotationCollection)', format: 'jsonld' as const, ext: 'jsonld' },
        { label: 'CSV (a row per annotation)', format: 'csv' as const, ext: 'csv' },
        { label: 'Markdown report (by article)', format: 'md' as const, ext: 'md' },
      ], { title: 'Export annotations as' });
      if (!picked) return;
      const folder = vscode.workspace.workspaceFolders?.[0];
      const destination = await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `annotations.${picked.ext}`) } : {}), filters: { [picked.label]: [picked.ext] } });
      if (!destination) return;
      const count = await exportTo(comments, picked.format, destination);
      void vscode.window.showInformationMessage(`News Annotator: exported ${count} annotation(s) to ${vscode.workspace.asRelativePath(destination)}.`);
      return count;
    }),
    // An optional file URI (tests, scripts) stands in for the open dialog.
    register('newsAnnotator.importAnnotations', async (fileArg?: string) => {
      const folder = vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Import into which folder?' });
      if (!folder) return;
      const [file] = typeof fileArg === 'string' ? [vscode.Uri.parse(fileArg)] : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'W3C annotations': ['json', 'jsonld'] } })) ?? [];
      if (!file) return;
      try {
        const count = await importFrom(comments, file, folder);
        void vscode.window.showInformationMessage(`News Annotator: imported ${count} annotation(s).`);
        return count;
      } catch (err) {
        void vscode.window.showErrorMessage(`News Annotator: ${vscode.workspace.asRelativePath(file)}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
  ];
}

async function exportTo(comments: ExchangeHost, format: 'jsonld' | 'csv' | 'md', destination: vscode.Uri): Promise<number> {
  const parts: string[] = [];
  let count = 0;
  const all = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const items = await exportFromStore(comments.storeFor(folder), async (article) => {
      const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    });
    all.push(...items);
    count += items.length;
  }
  parts.push(format === 'csv' ? toCsv(all) : format === 'md' ? toMarkdown(all) : `${JSON.stringify(toAnnotationCollection(all), null, 2)}\n`);
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(parts.join('')));
  return count;
}

async function importFrom(comments: ExchangeHost, file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<number> {
  const json: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
  const annotations = parseAnnotationDocument(json, folder.uri.toString());
  try {
    return (await importIntoStore(comments.storeFor(folder), annotations)).imported;
  } finally {
    // Also after a partial import: what was written shows.
    await comments.loadAll();
  }
}
