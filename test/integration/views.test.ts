import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AnnotationsTreeProvider, type AnnotationsTreeNode, type AnnotationNode } from '../../src/features/annotationsView';
import { ArticlesTreeProvider } from '../../src/features/articlesView';
import { EntitiesTreeProvider, type EntitiesTreeNode, type EntityNode } from '../../src/features/entitiesView';
import {
  IndexNewsViewModel,
  OPEN_MENTION_COMMAND,
  type NewsArticle,
  type NewsViewModel,
} from '../../src/features/newsViewModel';
import { progressText } from '../../src/features/statusBar';
import { QuotesTreeProvider, type QuoteOccurrenceNode, type QuotesTreeNode, type StatementNode } from '../../src/features/quotesView';
import { EXTENSION_ID, FIRST_SEED, OTHER_SEED, startWorkspaceIndex, within, workspaceFile } from './workspaceIndexKit';

// The tree providers are driven directly (this bundle is its own module copy of them) over the
// index-backed view model the extension runs, on an index of this suite's own over the workspace
// folder the runner opened (a temp copy of test/fixtures/). The Annotations view runs on the
// extension's own view model instead, since annotations come from the extension's comments feature;
// what it creates there it deletes again. The commands a click runs are the extension's own
// registrations, executed through VS Code.

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Runs a tree item's command as a click does and returns the editor it leaves active. */
async function click(item: vscode.TreeItem): Promise<vscode.TextEditor> {
  assert.ok(item.command, `"${label(item)}" has a command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'a click leaves an editor active');
  return editor;
}

/** The accessibility and convention checks every tree item passes: a spoken label, a tooltip, a codicon. */
function assertAccessible(item: vscode.TreeItem, where: string): void {
  const name = label(item);
  assert.ok(name.trim(), `${where}: a visible label`);
  // What a screen reader says starts from what is shown (the first words, without the marks around a quote).
  const flat = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
  const shown = flat(name.replace(/^[“"]+|[”"]+$/g, '').replace(/…$/, '')).slice(0, 20);
  assert.ok(flat(item.accessibilityInformation?.label ?? '').includes(shown), `${where}: the accessible label "${item.accessibilityInformation?.label}" says what "${name}" says`);
  assert.strictEqual(item.accessibilityInformation?.role, 'treeitem', `${where}: role treeitem`);
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  assert.ok(tooltip?.trim(), `${where}: a tooltip`);
  assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${where}: a codicon (follows the theme)`);
  assert.ok(item.id, `${where}: a stable id (keeps expansion and selection across refreshes)`);
}

/** A view model with articles only, for orders the seeds cannot show (one article per outlet). */
class ArticlesOnlyModel implements NewsViewModel {
  readonly onDidChange = new vscode.EventEmitter<void>().event;
  readonly onDidChangeProgress = new vscode.EventEmitter<undefined>().event;
  readonly progress = undefined;
  constructor(private readonly fixedArticles: NewsArticle[]) {}
  articles() { return this.fixedArticles; }
  article(uri: string) { return this.fixedArticles.find((a) => a.uri === uri); }
  entities() { return []; }
  mentionsOf() { return []; }
  entityAt() { return undefined; }
  quotes() { return []; }
  annotations() { return []; }
}

describe('News sidebar views over the workspace index', function () {
  this.timeout(120_000);
  let model: IndexNewsViewModel;
  let service: Awaited<ReturnType<typeof startWorkspaceIndex>>;
  let seedTexts: Map<string, string>;

  before(async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    if (!existsSync(join(extension.extensionPath, 'models', 'ner-en.bin'))) this.skip();
    await extension.activate();
    service = await startWorkspaceIndex(extension.extensionUri);
    model = new IndexNewsViewModel(service);
    await service.whenReady();
    await model.settled();
    seedTexts = new Map();
    for (const name of [FIRST_SEED, OTHER_SEED]) {
      seedTexts.set(workspaceFile(name).toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name))));
    }
  });

  after(async () => {
    model?.dispose();
    service?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes the News container with its views and opens it', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const views = (manifest.contributes.views.news as { id: string; name: string }[]).map((v) => v.name);
    assert.deepStrictEqual(views, ['Articles', 'Entities', 'Quotes', 'Annotations', 'Claims']);
    await vscode.commands.executeCommand('workbench.view.extension.news');
    await vscode.commands.executeCommand('newsAnnotator.articles.focus');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['newsAnnotator.sortArticlesByDate', 'newsAnnotator.filterEntities', 'newsAnnotator.reattachOrphan', OPEN_MENTION_COMMAND]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('puts every contributed command under "News", titled, and every menu entry on a contributed command', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const contributed = contributes.commands as { command: string; title: string; category?: string }[];
    for (const command of contributed) {
      assert.strictEqual(command.category, 'News', `${command.command} is in the palette as "News: ${command.title}"`);
      assert.ok(command.title.trim(), `${command.command} has a title`);
    }
    const ids = new Set(contributed.map((c) => c.command));
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, { command?: string }[]>)) {
      for (const entry of entries) if (entry.command) assert.ok(ids.has(entry.command), `${menu} names ${entry.command}, which is contributed`);
    }
  });

  it('reports no indexing under way once the first build is done; the status bar says nothing then', () => {
    assert.strictEqual(model.progress, undefined);
    assert.strictEqual(progressText(model.progress), undefined);
    assert.strictEqual(progressText({ done: 0, total: 0 }), '$(sync~spin) Indexing articles', 'no "0/0" before the files are listed');
    assert.strictEqual(progressText({ done: 120, total: 2225 }), '$(sync~spin) Indexing articles 120/2225');
  });

  it('gives every item of the four views an accessible label, a tooltip and a codicon', async () => {
    const articles = new ArticlesTreeProvider(model);
    for (const outlet of articles.getChildren()) {
      assertAccessible(articles.getTreeItem(outlet), `Articles › ${outlet.id}`);
      for (const article of articles.getChildren(outlet)) assertAccessible(articles.getTreeItem(article), `Articles › ${article.id}`);
    }
    const entities = new EntitiesTreeProvider(model);
    for (const group of entities.getChildren()) {
      assertAccessible(entities.getTreeItem(group), `Entities › ${group.id}`);
      // The first entity of each group, and its mentions (the rest are built by the same code).
      const [first] = entities.getChildren(group);
      if (!first) continue;
      assertAccessible(entities.getTreeItem(first), `Entities › ${first.id}`);
      for (const mention of await entities.getChildren(first as EntitiesTreeNode)) assertAccessible(entities.getTreeItem(mention), `Entities › ${mention.id}`);
    }
    const quotes = new QuotesTreeProvider(model);
    for (const speaker of quotes.getChildren()) {
      assertAccessible(quotes.getTreeItem(speaker), `Quotes › ${speaker.id}`);
      for (const statement of quotes.getChildren(speaker)) {
        assertAccessible(quotes.getTreeItem(statement), `Quotes › ${statement.id}`);
        for (const occurrence of quotes.getChildren(statement)) assertAccessible(quotes.getTreeItem(occurrence), `Quotes › ${occurrence.id}`);
      }
    }
    for (const provider of [articles, entities, quotes]) provider.dispose();
  });

  describe('Articles', () => {
    it('groups the seeds by outlet with counts, the syndication shown', () => {
      const provider = new ArticlesTreeProvider(model);
      const outlets = provider.getChildren().map((node) => provider.getTreeItem(node));
      assert.deepStrictEqual(outlets.map(label), ['Free America Network', 'The Epoch Times — via NTD']);
      assert.deepStrictEqual(outlets.map((item) => item.description), ['1 article', '1 article']);
      for (const item of outlets) assert.ok(item.accessibilityInformation?.label.includes('1 article'));
      provider.dispose();
    });

    it('lists each article with headline, date and author, and opens it on click', async () => {
      const provider = new ArticlesTreeProvider(model);
      const epoch = provider.getChildren().find((node) => node.kind === 'outlet' && node.label.startsWith('The Epoch Times'))!;
      const [article] = provider.getChildren(epoch);
      const item = provider.getTreeItem(article);
      assert.strictEqual(label(item), 'Huawei CEO Breaks Silence, Says Company Doesn’t Spy for China');
      assert.strictEqual(item.description, '2019-01-15 · Cathy He');
      assert.strictEqual(provider.getParent(article), epoch, 'getParent gives the outlet (TreeView.reveal needs it)');
      assert.strictEqual(provider.nodeFor(workspaceFile(OTHER_SEED).toString()), article);
      const editor = await click(item);
      assert.strictEqual(editor.document.uri.toString(), workspaceFile(OTHER_SEED).toString());
      assert.strictEqual(editor.selection.active.line, 0, 'opened at the headline');
      provider.dispose();
    });

    it('follows a new article file through the index\'s update event, then its deletion', async () => {
      const provider = new ArticlesTreeProvider(model);
      const file = workspaceFile('999_views_test.news.txt');
      // Resolves on the first refresh of the view after which `holds()` is true.
      const refreshedUntil = (holds: () => boolean) => new Promise<void>((resolve) => {
        const subscription = provider.onDidChangeTreeData(() => {
          if (!holds()) return;
          subscription.dispose();
          resolve();
        });
      });
      try {
        const created = refreshedUntil(() => provider.nodeFor(file.toString()) !== undefined);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('A test headline\n\nBy Jane Roe\n\nJanuary 2, 2020\n\nThe body of a short test article says little.\n'));
        await created;
        const article = provider.nodeFor(file.toString())!;
        assert.strictEqual(label(provider.getTreeItem(article)), 'A test headline');
        assert.strictEqual(model.articles().length, 3);
      } finally {
        const deleted = refreshedUntil(() => provider.nodeFor(file.toString()) === undefined);
        await vscode.workspace.fs.delete(file);
        await deleted;
      }
      assert.strictEqual(model.articles().length, 2);
      provider.dispose();
    });

    it('sorts by headline or date (two articles of one outlet, which the seeds do not have)', () => {
      const provider = new ArticlesTreeProvider(new ArticlesOnlyModel([
        { uri: 'file:///a.txt', label: 'a.txt', headline: 'Zebra', date: '2020-01-01', authors: [], outlet: { name: 'X', via: null }, headlineSpan: null },
        { uri: 'file:///b.txt', label: 'b.txt', headline: 'Aardvark', date: '2019-01-01', authors: [], outlet: { name: 'X', via: null }, headlineSpan: null },
      ]));
      const titles = () => provider.getChildren(provider.getChildren()[0]).map((n) => label(provider.getTreeItem(n)));
      assert.deepStrictEqual(titles(), ['Zebra', 'Aardvark'], 'newest first by default');
      provider.setSortOrder('headline');
      assert.deepStrictEqual(titles(), ['Aardvark', 'Zebra']);
      provider.dispose();
    });
  });

  describe('Entities', () => {
    it('groups People, Organizations, Places and Dates', () => {
      const provider = new EntitiesTreeProvider(model);
      assert.deepStrictEqual(provider.getChildren().map((n) => label(provider.getTreeItem(n))), ['People', 'Organizations', 'Places', 'Dates']);
      provider.dispose();
    });

    it('lists Ren Zhengfei in 2 articles, expandable to mentions that open at their range', async () => {
      const provider = new EntitiesTreeProvider(model);
      const people = provider.getChildren()[0];
      const ren = provider.getChildren(people).find((n): n is EntityNode => n.kind === 'entity' && n.entity.name === 'Ren Zhengfei');
      assert.ok(ren, `Ren Zhengfei among ${provider.getChildren(people).map((n) => label(provider.getTreeItem(n))).join(', ')}`);
      const item = provider.getTreeItem(ren);
      assert.match(String(item.description), /^\d+ mentions · 2 articles/);
      assert.match(item.accessibilityInformation!.label, /Ren Zhengfei, \d+ mentions · 2 articles/);
      const mentions = await provider.getChildren(ren);
      assert.strictEqual(mentions.length, ren.entity.mentionCount);
      assert.strictEqual(new Set(mentions.map((m) => m.kind === 'mention' && m.mention.uri)).size, 2, 'mentions in both seeds');
      const first = mentions[0];
      assert.strictEqual(provider.getParent(first), ren);
      const mentionItem = provider.getTreeItem(first);
      assert.ok(label(mentionItem).includes(first.kind === 'mention' ? first.mention.text : '?'), 'the snippet shows the mention');
      const editor = await click(mentionItem);
      assert.ok(first.kind === 'mention');
      assert.strictEqual(editor.document.uri.toString(), first.mention.uri);
      assert.strictEqual(editor.document.getText(editor.selection), first.mention.text, 'the mention is selected');
      provider.dispose();
    });

    it('shows a spelling variant on its entity (Meng Wenzhou on Meng Wanzhou)', () => {
      const meng = model.entities().find((e) => e.kind === 'person' && e.variants.includes('Meng Wenzhou'));
      assert.ok(meng, 'an entity lists Meng Wenzhou as a variant');
      assert.strictEqual(meng.name, 'Meng Wanzhou');
      const provider = new EntitiesTreeProvider(model);
      const node = provider.getChildren(provider.getChildren()[0]).find((n) => n.entity.key === meng.key)!;
      const tooltip = provider.getTreeItem(node).tooltip;
      // The tooltip is Markdown built with appendText, which escapes spaces as &nbsp;.
      const shown = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/&nbsp;/g, ' ');
      assert.match(shown, /Spelling variants: Meng Wenzhou/);
      provider.dispose();
    });

    it('finds the entity under a cursor (the view follows the editor)', async () => {
      const provider = new EntitiesTreeProvider(model);
      const uri = workspaceFile(OTHER_SEED).toString();
      const ren = model.entities().find((e) => e.name === 'Ren Zhengfei');
      const mention = ren && (await model.mentionsOf(ren)).find((m) => m.uri === uri);
      assert.ok(mention, 'Ren Zhengfei is mentioned in the other seed');
      assert.strictEqual(provider.nodeAt(uri, mention.start + 2)?.entity.name, 'Ren Zhengfei');
      const text = seedTexts.get(uri)!;
      const bodyWord = text.indexOf('interview');
      assert.ok(bodyWord > 0);
      assert.strictEqual(provider.nodeAt(uri, bodyWord + 2), undefined, 'no entity on a common word');
      provider.dispose();
    });

    it('filters by name and sorts by count or name', () => {
      const provider = new EntitiesTreeProvider(model);
      provider.setFilter('zhengfei');
      const people = provider.getChildren()[0];
      assert.deepStrictEqual(provider.getChildren(people).map((n) => n.kind === 'entity' && n.entity.name), ['Ren Zhengfei']);
      const places = provider.getChildren()[2];
      assert.strictEqual(provider.getChildren(places).length, 0, 'no place matches');
      provider.setFilter('');
      provider.setSortOrder('name');
      const names = provider.getChildren(provider.getChildren()[2]).map((n) => (n.kind === 'entity' ? n.entity.name : ''));
      assert.ok(names.length > 2);
      assert.deepStrictEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
      provider.setSortOrder('count');
      const counts = provider.getChildren(provider.getChildren()[2]).map((n) => (n.kind === 'entity' ? n.entity.mentionCount : 0));
      assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a));
      provider.dispose();
    });

    it('runs the filter command with a given text', async () => {
      await vscode.commands.executeCommand('newsAnnotator.filterEntities', 'Ren');
      await vscode.commands.executeCommand('newsAnnotator.clearEntityFilter');
    });
  });

  describe('Quotes', () => {
    /** Ren's statement as each seed renders it ("back doors" in one, "backdoors" in the other). */
    const NO_BACK_DOORS = /no law in China requires any company to install mandatory back ?doors/i;

    it('lists the index\'s quotes by speaker, Ren Zhengfei first, with counts', () => {
      const provider = new QuotesTreeProvider(model);
      const speakers = provider.getChildren();
      const ren = speakers.find((n) => n.kind === 'speaker' && n.speaker === 'Ren Zhengfei');
      assert.ok(ren, `Ren Zhengfei among ${speakers.map((n) => label(provider.getTreeItem(n))).join(', ')}`);
      assert.strictEqual(speakers[0], ren, 'the speaker quoted most comes first');
      const quotedRen = model.quotes().filter((q) => q.speaker === 'Ren Zhengfei');
      assert.ok(quotedRen.length >= 4, `${quotedRen.length} quotes of Ren`);
      assert.strictEqual(provider.getTreeItem(ren).description, `${quotedRen.length} quotes`);
      assert.strictEqual(provider.getParent(ren), undefined);
      provider.dispose();
    });

    it('groups the statement both outlets quote into one, 2 articles · 2 outlets; an occurrence opens at the quote', async () => {
      const provider = new QuotesTreeProvider(model);
      const ren = provider.getChildren().find((n) => n.kind === 'speaker' && n.speaker === 'Ren Zhengfei')!;
      const statements = provider.getChildren(ren) as StatementNode[];
      const shared = statements.filter((s) => s.quotes.some((q) => NO_BACK_DOORS.test(q.text)));
      assert.strictEqual(shared.length, 1, 'one group holds every rendering of the statement');
      const [statement] = shared;
      const renderings = statement.quotes.filter((q) => NO_BACK_DOORS.test(q.text));
      assert.deepStrictEqual(renderings.map((q) => q.uri.split('/').pop()).sort(), [FIRST_SEED, OTHER_SEED], 'rendered once in each seed');
      assert.strictEqual(statements[0], statement, 'the statement quoted most comes first');
      const item = provider.getTreeItem(statement);
      assert.strictEqual(item.description, '2 articles · 2 outlets');
      assert.ok(!/^“[“"]/.test(label(item)), 'the label does not double the quote marks');
      const occurrences = provider.getChildren(statement) as QuotesTreeNode[];
      assert.strictEqual(occurrences.length, statement.quotes.length);
      assert.deepStrictEqual([...new Set(occurrences.map((n) => label(provider.getTreeItem(n))))].sort(), ['Free America Network', 'The Epoch Times']);
      assert.strictEqual(provider.getParent(occurrences[0]), statement);
      const target = occurrences.find((n): n is QuoteOccurrenceNode => n.kind === 'occurrence' && n.quote.uri.endsWith(OTHER_SEED) && NO_BACK_DOORS.test(n.quote.text))!;
      const editor = await click(provider.getTreeItem(target));
      assert.strictEqual(editor.document.uri.toString(), workspaceFile(OTHER_SEED).toString());
      const selected = editor.document.getText(editor.selection);
      assert.strictEqual(selected, target.quote.text);
      assert.match(selected, /^“No law in China requires any company to install mandatory backdoors,”$/);
      provider.dispose();
    });

    it('keeps a statement one outlet alone quotes in a group of its own', () => {
      const provider = new QuotesTreeProvider(model);
      const ren = provider.getChildren().find((n) => n.kind === 'speaker' && n.speaker === 'Ren Zhengfei')!;
      const zte = (provider.getChildren(ren) as StatementNode[]).find((s) => s.quotes.some((q) => q.text.includes('what has happened to ZTE will not happen to Huawei')));
      assert.ok(zte, 'the ZTE statement of the first seed is listed');
      assert.strictEqual(provider.getTreeItem(zte).description, '1 article');
      provider.dispose();
    });
  });
});

describe('News sidebar Annotations view over the comments feature', function () {
  this.timeout(120_000);
  // A copy of the first seed under another name: the edits that orphan an annotation happen there, so
  // the seeds and the extension's index of them are as before for the suites that follow.
  const ARTICLE = '998_views_annotations.txt';
  const ORPHANED_PASSAGE = 'speaking Mandarin and using a company-provided translator';
  const made: string[] = [];
  let model: NewsViewModel;
  let uri: vscode.Uri;

  before(async () => {
    const extension = vscode.extensions.getExtension<{ newsViewModel: NewsViewModel }>(EXTENSION_ID);
    assert.ok(extension);
    model = (await extension.activate()).newsViewModel;
    uri = workspaceFile(ARTICLE);
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(workspaceFile(FIRST_SEED)));
    await within(30_000, () => model.article(uri.toString()) !== undefined, 'the copy in the extension\'s index');
  });

  after(async () => {
    // Delete what was made, through the comments feature, then the copy (its unsaved edits first).
    for (const id of made) {
      const thread = await vscode.commands.executeCommand<vscode.CommentThread | undefined>('newsAnnotator.annotationThread', uri.toString(), id);
      if (thread?.comments[0]) await vscode.commands.executeCommand('newsAnnotator.deleteAnnotation', thread.comments[0]);
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    if (model) {
      await within(10_000, () => model.annotations().every((a) => !made.includes(a.id)), 'the annotations made here to be deleted');
      await within(30_000, () => model.article(uri.toString()) === undefined, 'the copy to leave the extension\'s index');
    }
  });

  it('lists annotations by article, by tag and the orphans; opens one at its range; re-attaches an orphan', async () => {
    const ours = () => model.annotations().filter((a) => made.includes(a.id));
    const provider = new AnnotationsTreeProvider(model);
    assert.deepStrictEqual(model.annotations(), [], 'the workspace starts without annotations');
    assert.deepStrictEqual(provider.getChildren(), [], 'no annotations: empty, so the welcome text shows');
    let refreshed = 0;
    provider.onDidChangeTreeData(() => refreshed++);

    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const renStart = text.indexOf('Ren Zhengfei');
    const passageStart = text.indexOf(ORPHANED_PASSAGE);
    assert.ok(renStart > 0 && passageStart > 0, 'both passages are in the seed');
    const annotate = async (start: number, end: number, note: string) => {
      const id = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.annotateRange', uri.toString(), start, end, note);
      assert.ok(id, `annotation "${note}" made`);
      made.push(id);
      return id;
    };
    const tagged = await annotate(renStart, renStart + 'Ren Zhengfei'.length, 'Check his title #verify');
    const orphan = await annotate(passageStart, passageStart + ORPHANED_PASSAGE.length, 'Which translator?');
    await within(10_000, () => ours().length === 2, 'both annotations in the view model');
    assert.ok(refreshed > 0, 'the view refreshes on the model\'s change event');

    // The passage is cut from the text (unsaved): its annotation is orphaned.
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(document.positionAt(passageStart), document.positionAt(passageStart + ORPHANED_PASSAGE.length)))));
    await within(10_000, () => ours().find((a) => a.id === orphan)?.orphaned === true, 'the annotation to be orphaned');

    const sections = provider.getChildren();
    assert.deepStrictEqual(sections.map((n) => label(provider.getTreeItem(n))), ['By Article', 'By Tag', 'Orphans']);
    assert.deepStrictEqual(sections.map((n) => provider.getTreeItem(n).description), ['1', '1', '1']);
    const [byArticle, byTag, orphans] = sections;
    const [article] = provider.getChildren(byArticle);
    assert.ok(label(provider.getTreeItem(article)).startsWith('Huawei CEO: No matter'), 'an article group is named by its headline');
    assert.strictEqual((article as { uri: string | null }).uri, uri.toString());
    assert.strictEqual(provider.getTreeItem(article).description, '2 annotations');
    assert.deepStrictEqual(provider.getChildren(byTag).map((n) => label(provider.getTreeItem(n))), ['#verify']);
    for (const node of [...sections, article, ...provider.getChildren(article)]) assertAccessible(provider.getTreeItem(node), `Annotations › ${node.id}`);

    const [orphanNode] = provider.getChildren(orphans) as AnnotationNode[];
    assert.strictEqual(orphanNode.annotation.id, orphan);
    const orphanItem = provider.getTreeItem(orphanNode);
    assert.strictEqual(orphanItem.contextValue, 'newsAnnotation.orphan', 'orphans carry the Re-attach menu');
    assert.strictEqual((orphanItem.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.strictEqual(provider.getParent(orphanNode), orphans);

    const [taggedNode] = provider.getChildren(provider.getChildren(byTag)[0]) as AnnotationNode[];
    assert.strictEqual(taggedNode.annotation.id, tagged);
    const opened = await click(provider.getTreeItem(taggedNode));
    assert.strictEqual(opened.document.uri.toString(), uri.toString());
    assert.strictEqual(opened.document.getText(opened.selection), 'Ren Zhengfei');

    // Re-attach (the orphan's context menu) to a selection: it leaves the Orphans section.
    const replacement = 'speaking through an interpreter';
    assert.ok(await opened.edit((b) => b.insert(document.positionAt(passageStart), replacement)));
    opened.selection = new vscode.Selection(document.positionAt(passageStart), document.positionAt(passageStart + replacement.length));
    await vscode.commands.executeCommand('newsAnnotator.reattachOrphan', orphanNode as AnnotationsTreeNode);
    await within(10_000, () => {
      const reattached = ours().find((a) => a.id === orphan);
      return reattached?.orphaned === false && reattached.range?.start === passageStart;
    }, 'the orphan to be re-attached to the selection');
    const after = provider.getChildren();
    assert.strictEqual(provider.getTreeItem(after[2]).description, '0', 'no orphans left');
    provider.dispose();
  });
});
