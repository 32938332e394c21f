import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { workspaceFile } from './workspaceIndexKit';
import { AnnotationsTreeProvider, type AnnotationsTreeNode } from '../../src/features/annotationsView';
import { ArticlesTreeProvider, type ArticleNode } from '../../src/features/articlesView';
import type { StoredCorrection } from '../../src/features/comments';
import { EntitiesTreeProvider, type EntityNode } from '../../src/features/entitiesView';
import type { NewsEntityKind, NewsViewModel } from '../../src/features/newsViewModel';
import { QuotesTreeProvider, type QuotesTreeNode } from '../../src/features/quotesView';
import { SIDEBAR_COMMANDS } from '../../src/features/sidebarActions';

// The views' context menus run on the extension's own view model (what `activate` returns), so a
// correction goes the whole way: comments store -> index -> view model -> tree. Tree providers from
// this bundle stand in for the views (same code, over the same model). Every annotation made here is
// deleted again through the comments feature, and the suite waits for the index to be as before.

const EXTENSION_ID = 'news-annotator.news-annotator';
const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Polls `check` until it holds or `ms` pass. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('News sidebar context menus', function () {
  this.timeout(120_000);
  let model: NewsViewModel;
  const made: StoredCorrection[] = [];

  const entityNode = (provider: EntitiesTreeProvider, kind: NewsEntityKind, name: string): EntityNode | undefined => {
    const group = provider.getChildren().find((g) => g.entityKind === kind);
    return group && provider.getChildren(group).find((n) => n.entity.name === name);
  };
  const entityNamed = (kind: NewsEntityKind, name: string) => model.entities().find((e) => e.kind === kind && e.name === name);
  const run = async (command: string, ...args: unknown[]): Promise<StoredCorrection[]> => {
    const stored = (await vscode.commands.executeCommand<StoredCorrection[]>(command, ...args)) ?? [];
    made.push(...stored);
    return stored;
  };

  before(async function () {
    const extension = vscode.extensions.getExtension<{ newsViewModel: NewsViewModel }>(EXTENSION_ID);
    assert.ok(extension);
    if (!existsSync(join(extension.extensionPath, 'models', 'ner-en.bin'))) this.skip();
    model = (await extension.activate()).newsViewModel;
    assert.ok(model, 'activate returns the sidebar view model');
    await until(() => model.progress === undefined && entityNamed('person', 'Ren Zhengfei')?.articleCount === 2, 'the index of the seeds', 60_000);
  });

  after(async () => {
    // Withdraw every correction made here, through the comments feature as a person would.
    for (const { uri, id } of made) {
      const thread = await vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri, id);
      if (thread?.comments[0]) await vscode.commands.executeCommand('newsAnnotator.deleteAnnotation', thread.comments[0]);
    }
    if (model) {
      await until(() => model.annotations().every((a) => !made.some((m) => m.id === a.id)), 'the corrections to be deleted');
      await until(() => entityNamed('organization', 'ZTE') !== undefined && entityNamed('person', 'Ren Zhengfei') !== undefined, 'the entities as before');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes each command to its view\'s item menu and keeps them out of the palette', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const itemMenu = contributes.menus['view/item/context'] as { command: string; when: string }[];
    const palette = contributes.menus.commandPalette as { command: string; when: string }[];
    const views: Record<string, string> = {
      [SIDEBAR_COMMANDS.mergeWith]: 'newsAnnotator.entities', [SIDEBAR_COMMANDS.rename]: 'newsAnnotator.entities',
      [SIDEBAR_COMMANDS.notAnEntity]: 'newsAnnotator.entities', [SIDEBAR_COMMANDS.markAsPerson]: 'newsAnnotator.entities',
      [SIDEBAR_COMMANDS.markAsOrganization]: 'newsAnnotator.entities', [SIDEBAR_COMMANDS.markAsPlace]: 'newsAnnotator.entities',
      [SIDEBAR_COMMANDS.setOutlet]: 'newsAnnotator.articles', [SIDEBAR_COMMANDS.copyPath]: 'newsAnnotator.articles',
      [SIDEBAR_COMMANDS.copyQuote]: 'newsAnnotator.quotes', [SIDEBAR_COMMANDS.copyAnnotation]: 'newsAnnotator.annotations',
    };
    for (const [command, view] of Object.entries(views)) {
      assert.ok(itemMenu.some((m) => m.command === command && m.when.includes(`view == ${view}`)), `${command} is in the ${view} item menu`);
      assert.ok(palette.some((m) => m.command === command && m.when === 'false'), `${command} is hidden from the palette`);
      const declared = (contributes.commands as { command: string; category: string }[]).find((c) => c.command === command);
      assert.strictEqual(declared?.category, 'News');
    }
  });

  it('"Not an Entity" on an organization removes it from the Entities view, in every article', async () => {
    const provider = new EntitiesTreeProvider(model);
    try {
      const zte = entityNode(provider, 'organization', 'ZTE');
      assert.ok(zte, 'ZTE is listed before');
      assert.strictEqual(zte.entity.articleCount, 2);
      const stored = await run(SIDEBAR_COMMANDS.notAnEntity, zte);
      assert.ok(stored.length >= 1, 'a correction is stored');
      await until(() => entityNode(provider, 'organization', 'ZTE') === undefined, 'ZTE to leave the Entities view');
      assert.ok(stored.every((s) => model.annotations().some((a) => a.id === s.id)), 'the corrections are annotations the Annotations view lists');
    } finally {
      provider.dispose();
    }
  });

  it('"Merge with…" joins one person into another; "Rename…" lists an entity under a new name', async () => {
    const provider = new EntitiesTreeProvider(model);
    try {
      const cathy = entityNode(provider, 'person', 'Cathy He');
      const trump = entityNode(provider, 'person', 'Donald Trump');
      assert.ok(cathy && trump, 'both people are listed');
      const total = cathy.entity.mentionCount + trump.entity.mentionCount;
      await run(SIDEBAR_COMMANDS.mergeWith, cathy, 'Donald Trump');
      await until(() => entityNode(provider, 'person', 'Cathy He') === undefined && entityNode(provider, 'person', 'Donald Trump')?.entity.mentionCount === total, 'the merge in the Entities view');

      const ren = entityNode(provider, 'person', 'Ren Zhengfei')!;
      await run(SIDEBAR_COMMANDS.rename, ren, 'Zhengfei Ren');
      await until(() => entityNode(provider, 'person', 'Zhengfei Ren') !== undefined, 'the new name in the Entities view');
      const renamed = entityNode(provider, 'person', 'Zhengfei Ren')!;
      assert.strictEqual(renamed.entity.articleCount, 2);
      assert.strictEqual(renamed.entity.mentionCount, ren.entity.mentionCount, 'every mention follows the new name');
      assert.strictEqual(entityNode(provider, 'person', 'Ren Zhengfei'), undefined);
    } finally {
      provider.dispose();
    }
  });

  it('"Set Outlet…" moves an article to the other outlet group of the Articles view', async () => {
    const provider = new ArticlesTreeProvider(model);
    try {
      const uri = workspaceFile(OTHER_SEED).toString();
      const article = provider.nodeFor(uri) as ArticleNode;
      assert.ok(article.parent.label.startsWith('The Epoch Times'));
      await run(SIDEBAR_COMMANDS.setOutlet, article, 'Free America Network');
      const groups = () => provider.getChildren().map((n) => provider.getTreeItem(n));
      await until(() => groups().length === 1, 'one outlet group left');
      const [outlet] = groups();
      assert.strictEqual(label(outlet), 'Free America Network');
      assert.strictEqual(outlet.description, '2 articles');
      assert.strictEqual((provider.nodeFor(uri) as ArticleNode).parent.label, 'Free America Network');
    } finally {
      provider.dispose();
    }
  });

  it('the copy commands put what the item shows on the clipboard', async () => {
    const articles = new ArticlesTreeProvider(model);
    const quotes = new QuotesTreeProvider(model);
    const annotations = new AnnotationsTreeProvider(model);
    const uri = workspaceFile(FIRST_SEED);
    const document = await vscode.workspace.openTextDocument(uri);
    const passage = 'Meng Wanzhou';
    const start = document.getText().indexOf(passage);
    const noteId = await vscode.commands.executeCommand<string>('newsAnnotator.annotateRange', uri.toString(), start, start + passage.length, 'Arrested in Canada #verify');
    made.push({ uri: uri.toString(), id: noteId });
    try {
      await vscode.commands.executeCommand(SIDEBAR_COMMANDS.copyPath, articles.nodeFor(uri.toString()));
      assert.strictEqual(await vscode.env.clipboard.readText(), FIRST_SEED);

      const speakers = quotes.getChildren() as QuotesTreeNode[];
      const statements = speakers.flatMap((s) => quotes.getChildren(s) as QuotesTreeNode[]);
      const occurrence = statements.flatMap((s) => (s.kind === 'statement' ? quotes.getChildren(s) as QuotesTreeNode[] : [s])).find((n) => n.kind === 'occurrence');
      assert.ok(occurrence?.kind === 'occurrence', 'the seeds have quotes');
      await vscode.commands.executeCommand(SIDEBAR_COMMANDS.copyQuote, occurrence);
      assert.strictEqual(await vscode.env.clipboard.readText(), occurrence.quote.text.replace(/\s+/g, ' ').trim());

      await until(() => model.annotations().some((a) => a.id === noteId), 'the note in the Annotations view');
      const byArticle = annotations.getChildren()[0];
      const note = (annotations.getChildren(byArticle) as AnnotationsTreeNode[])
        .flatMap((group) => annotations.getChildren(group) as AnnotationsTreeNode[])
        .find((n) => n.kind === 'annotation' && n.annotation.id === noteId);
      assert.ok(note, 'the note is listed by article');
      await vscode.commands.executeCommand(SIDEBAR_COMMANDS.copyAnnotation, note);
      assert.strictEqual(await vscode.env.clipboard.readText(), '> Meng Wanzhou\n\nArrested in Canada #verify');
    } finally {
      articles.dispose();
      quotes.dispose();
      annotations.dispose();
    }
  });
});
