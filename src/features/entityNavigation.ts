import * as vscode from 'vscode';
import { nameKey, type IndexedEntity, type MentionLocation, type WorkspaceIndex } from '../core/index';

/** Shows every mention of the entity under the cursor (or of the entity id given) in the peek view. */
export const SHOW_MENTIONS_COMMAND = 'newsAnnotator.showMentions';

const SYMBOL_KINDS: Record<IndexedEntity['type'], vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Namespace,
  place: vscode.SymbolKind.Package,
};

/** Turns mentions into locations, opening each file once for its line positions. */
async function toLocations(mentions: readonly MentionLocation[]): Promise<vscode.Location[]> {
  const byFile = new Map<string, MentionLocation[]>();
  for (const m of mentions) {
    const list = byFile.get(m.file);
    if (list) list.push(m);
    else byFile.set(m.file, [m]);
  }
  const out: vscode.Location[] = [];
  for (const [file, list] of byFile) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    } catch {
      continue; // deleted since it was indexed
    }
    for (const { mention } of list) out.push(new vscode.Location(document.uri, new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end))));
  }
  return out;
}

/**
 * Navigation over the workspace index: Find All References and Go to Definition (first mention) on
 * an entity, Go to Symbol in Workspace, highlights of the same entity in the document.
 */
export class EntityNavigationProvider implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.DocumentHighlightProvider, vscode.WorkspaceSymbolProvider<vscode.SymbolInformation> {
  constructor(private readonly index: WorkspaceIndex) {}

  private entityAt(document: vscode.TextDocument, position: vscode.Position): IndexedEntity | undefined {
    return this.index.entityAt(document.uri.toString(), document.offsetAt(position))?.entity;
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> | undefined {
    const entity = this.entityAt(document, position);
    return entity && toLocations(this.index.mentionsOf(entity.id));
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const entity = this.entityAt(document, position);
    const first = entity && this.index.firstMention(entity.id);
    return first ? toLocations([first]) : undefined;
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const entity = this.entityAt(document, position);
    if (!entity) return undefined;
    return this.index.mentionsInFile(entity.id, document.uri.toString()).map((m) =>
      new vscode.DocumentHighlight(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), vscode.DocumentHighlightKind.Text));
  }

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    return this.index.searchEntities(query, 200).flatMap((entity) => {
      const first = this.index.firstMention(entity.id);
      if (!first) return [];
      // The range is filled in by resolveWorkspaceSymbol: listing must not open every file.
      return [new vscode.SymbolInformation(entity.name, SYMBOL_KINDS[entity.type], entity.type, new vscode.Location(vscode.Uri.parse(first.file), new vscode.Position(0, 0)))];
    });
  }

  async resolveWorkspaceSymbol(symbol: vscode.SymbolInformation): Promise<vscode.SymbolInformation> {
    const entity = this.index.entityNamed(symbol.name);
    const first = entity && this.index.firstMention(entity.id);
    const [location] = first ? await toLocations([first]) : [];
    if (location) symbol.location = location;
    return symbol;
  }
}

/**
 * Information-level hints on a spelling variant: "also spelled Meng Wanzhou in 1 article", kept
 * for open articles and refreshed on the index's update event.
 */
class VariantSpellingDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('newsAnnotator.variants');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables.push(
      index.onDidUpdate(() => this.refreshOpen()),
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    this.refreshOpen();
  }

  private refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  private refresh(document: vscode.TextDocument): void {
    if (document.languageId !== 'news-article') return;
    const file = document.uri.toString();
    const diagnostics: vscode.Diagnostic[] = [];
    const spellingFiles = new Map<string, Map<string, Set<string>>>();
    for (const mention of this.index.article(file) ? this.index.entitiesInFile(file) : []) {
      const { entity } = mention;
      if (!entity.variants.length) continue;
      let files = spellingFiles.get(entity.id);
      if (!files) {
        files = new Map();
        for (const m of this.index.mentionsOf(entity.id)) {
          const set = files.get(nameKey(m.mention.name)) ?? new Set<string>();
          set.add(m.file);
          files.set(nameKey(m.mention.name), set);
        }
        spellingFiles.set(entity.id, files);
      }
      const own = nameKey(mention.mention.name);
      for (const spelling of [entity.name, ...entity.variants]) {
        const key = nameKey(spelling);
        const where = files.get(key);
        if (key === own || !where || !own.includes(' ')) continue;
        const n = where.size;
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(document.positionAt(mention.mention.start), document.positionAt(mention.mention.end)),
          `also spelled ${spelling} in ${n} article${n === 1 ? '' : 's'}`,
          vscode.DiagnosticSeverity.Information,
        );
        diagnostic.source = 'News Annotator';
        diagnostics.push(diagnostic);
      }
    }
    this.collection.set(document.uri, diagnostics);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Registers references, definition, highlights, workspace symbols, the Show Mentions command and variant hints. */
export function registerEntityNavigation(index: WorkspaceIndex): vscode.Disposable {
  const provider = new EntityNavigationProvider(index);
  const selector: vscode.DocumentSelector = { language: 'news-article' };
  return vscode.Disposable.from(
    vscode.languages.registerReferenceProvider(selector, provider),
    vscode.languages.registerDefinitionProvider(selector, provider),
    vscode.languages.registerDocumentHighlightProvider(selector, provider),
    vscode.languages.registerWorkspaceSymbolProvider(provider),
    new VariantSpellingDiagnostics(index),
    vscode.commands.registerCommand(SHOW_MENTIONS_COMMAND, async (entityId?: string) => {
      const editor = vscode.window.activeTextEditor;
      const id = entityId ?? (editor && index.entityAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active))?.entity.id);
      if (!id) {
        void vscode.window.showInformationMessage('News: no person, organization or place at the cursor.');
        return;
      }
      const locations = await toLocations(index.mentionsOf(id));
      const anchor = editor ? { uri: editor.document.uri, position: editor.selection.active } : locations[0] && { uri: locations[0].uri, position: locations[0].range.start };
      if (anchor) await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
    }),
  );
}
