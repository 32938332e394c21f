import * as vscode from 'vscode';
import { openCommandFor, type NewsEntity, type NewsEntityKind, type NewsLocation, type NewsViewModel } from './newsViewModel';
import { plural } from './labels';

export const ENTITIES_VIEW_ID = 'newsAnnotator.entities';

export type EntitySortOrder = 'count' | 'name';

export interface EntityGroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly entityKind: NewsEntityKind;
  readonly label: string;
  readonly entities: readonly NewsEntity[];
}

export interface EntityNode {
  readonly kind: 'entity';
  readonly id: string;
  readonly entity: NewsEntity;
  readonly parent: EntityGroupNode;
}

export interface MentionNode {
  readonly kind: 'mention';
  readonly id: string;
  readonly mention: NewsLocation;
  readonly parent: EntityNode;
}

export type EntitiesTreeNode = EntityGroupNode | EntityNode | MentionNode;

const GROUPS: readonly { kind: NewsEntityKind; label: string; icon: string }[] = [
  { kind: 'person', label: 'People', icon: 'person' },
  { kind: 'organization', label: 'Organizations', icon: 'organization' },
  { kind: 'place', label: 'Places', icon: 'location' },
  { kind: 'date', label: 'Dates', icon: 'calendar' },
];

function isThenable<T>(value: T | Thenable<T>): value is Thenable<T> {
  return typeof (value as Thenable<T>)?.then === 'function';
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * People, Organizations, Places and Dates, each entity with its mention and article counts and its
 * mentions as children. Nodes are kept until the model changes so reveal and getParent see the same
 * objects.
 */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<EntitiesTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private roots: EntityGroupNode[] | undefined;
  private readonly children = new Map<string, EntityNode[] | MentionNode[]>();
  private order: EntitySortOrder = 'count';
  /** Bumped on every reset, so a late asynchronous result is not cached into the new tree. */
  private generation = 0;
  private filterText = '';

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly model: NewsViewModel) {
    this.subscription = model.onDidChange(() => this.reset());
  }

  get sortOrder(): EntitySortOrder {
    return this.order;
  }

  get filter(): string {
    return this.filterText;
  }

  setSortOrder(order: EntitySortOrder): void {
    this.order = order;
    this.reset();
  }

  /** Keeps entities whose name, alias or variant contains `text` (case-insensitive); '' clears. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    this.reset();
  }

  getChildren(): EntityGroupNode[];
  getChildren(element: EntityGroupNode): EntityNode[];
  getChildren(element?: EntitiesTreeNode): EntitiesTreeNode[] | Thenable<EntitiesTreeNode[]>;
  getChildren(element?: EntitiesTreeNode): EntitiesTreeNode[] | Thenable<EntitiesTreeNode[]> {
    if (!element) return this.groups();
    if (element.kind === 'mention') return [];
    const cached = this.children.get(element.id);
    if (cached) return cached;
    if (element.kind === 'group') {
      const entities = sortEntities(element.entities, this.order).map((entity): EntityNode => ({ kind: 'entity', id: `entity:${entity.key}`, entity, parent: element }));
      this.children.set(element.id, entities);
      return entities;
    }
    const generation = this.generation;
    const build = (mentions: readonly NewsLocation[]): MentionNode[] => {
      const nodes = [...mentions]
        .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start)
        .map((mention): MentionNode => ({ kind: 'mention', id: `mention:${element.entity.key}@${mention.uri}#${mention.start}`, mention, parent: element }));
      // Mentions read after a model change belong to nodes that are gone: not cached.
      if (generation === this.generation) this.children.set(element.id, nodes);
      return nodes;
    };
    const mentions = this.model.mentionsOf(element.entity);
    return isThenable(mentions) ? Promise.resolve(mentions).then(build) : build(mentions);
  }

  getParent(element: EntitiesTreeNode): EntitiesTreeNode | undefined {
    return element.kind === 'group' ? undefined : element.parent;
  }

  /** The entity with a mention covering `offset` in the article at `uri` (a date counts too). */
  /** The node of the entity with `key` (an index entity id), if the current filter shows it. */
  nodeForKey(key: string): EntityNode | undefined {
    for (const group of this.groups()) {
      const node = this.getChildren(group).find((n) => n.entity.key === key);
      if (node) return node;
    }
    return undefined;
  }

  nodeAt(uri: string, offset: number): EntityNode | undefined {
    const entity = this.model.entityAt(uri, offset);
    const group = entity && this.groups().find((g) => g.entityKind === entity.kind);
    return group && this.getChildren(group).find((n) => n.entity.key === entity.key);
  }

  getTreeItem(element: EntitiesTreeNode): vscode.TreeItem {
    if (element.kind === 'group') {
      const group = GROUPS.find((g) => g.kind === element.entityKind)!;
      const item = new vscode.TreeItem(element.label, element.entities.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = element.id;
      item.description = String(element.entities.length);
      item.tooltip = `${element.label}: ${plural(element.entities.length, 'entity', 'entities')}${this.filterText ? ` matching "${this.filterText}"` : ''}`;
      item.iconPath = new vscode.ThemeIcon(group.icon);
      item.contextValue = 'newsEntityGroup';
      item.accessibilityInformation = { label: `${element.label}, ${plural(element.entities.length, 'entity', 'entities')}`, role: 'treeitem' };
      return item;
    }
    if (element.kind === 'entity') {
      const { entity } = element;
      const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      const counts = `${plural(entity.mentionCount, 'mention')} · ${plural(entity.articleCount, 'article')}`;
      item.id = element.id;
      item.description = entity.variants.length ? `${counts} · also ${entity.variants.join(', ')}` : counts;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(`${entity.name} (${GROUPS.find((g) => g.kind === entity.kind)!.label.toLowerCase()})\n\n${counts}`);
      if (entity.variants.length) tooltip.appendText(`\n\nSpelling variants: ${entity.variants.join(', ')}`);
      if (entity.aliases.length) tooltip.appendText(`\n\nAlso written: ${entity.aliases.join(', ')}`);
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon(GROUPS.find((g) => g.kind === entity.kind)!.icon);
      item.contextValue = `newsEntity.${entity.kind}`;
      item.accessibilityInformation = {
        label: `${entity.name}, ${counts}${entity.variants.length ? `, also spelled ${entity.variants.join(', ')}` : ''}`,
        role: 'treeitem',
      };
      return item;
    }
    const { mention } = element;
    const item = new vscode.TreeItem(mention.snippet, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = fileName(mention.uri);
    item.tooltip = `${mention.text} in ${fileName(mention.uri)}:\n${mention.snippet}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'newsMention';
    item.command = openCommandFor(mention, 'Open Mention');
    item.accessibilityInformation = { label: `Mention "${mention.text}" in ${fileName(mention.uri)}: ${mention.snippet}`, role: 'treeitem' };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private groups(): EntityGroupNode[] {
    if (this.roots) return this.roots;
    const needle = this.filterText.toLowerCase();
    const matches = (e: NewsEntity) => !needle || [e.name, ...e.aliases, ...e.variants].some((n) => n.toLowerCase().includes(needle));
    const byKind = new Map<NewsEntityKind, NewsEntity[]>(GROUPS.map((g) => [g.kind, []]));
    for (const entity of this.model.entities()) {
      if (matches(entity)) byKind.get(entity.kind)?.push(entity);
    }
    // With no articles the view stays empty so its welcome content shows.
    if (!this.model.articles().length) return (this.roots = []);
    this.roots = GROUPS.map((g): EntityGroupNode => ({ kind: 'group', id: `group:${g.kind}`, entityKind: g.kind, label: g.label, entities: byKind.get(g.kind)! }));
    return this.roots;
  }

  private reset(): void {
    this.generation++;
    this.roots = undefined;
    this.children.clear();
    this.changeEmitter.fire(undefined);
  }
}

/** Most mentions first (then most articles, then name), or by name; dates by name are chronological. */
export function sortEntities(entities: readonly NewsEntity[], order: EntitySortOrder): NewsEntity[] {
  return [...entities].sort((a, b) =>
    order === 'count'
      ? b.mentionCount - a.mentionCount || b.articleCount - a.articleCount || a.name.localeCompare(b.name)
      : a.name.localeCompare(b.name));
}

export const ENTITIES_COMMANDS = {
  sortByCount: 'newsAnnotator.sortEntitiesByCount',
  sortByName: 'newsAnnotator.sortEntitiesByName',
  filter: 'newsAnnotator.filterEntities',
  clearFilter: 'newsAnnotator.clearEntityFilter',
  copyName: 'newsAnnotator.copyEntityName',
  /** Internal: selects and focuses an entity by key (the entity graph's click); resolves to whether it could. */
  reveal: 'newsAnnotator.revealEntity',
} as const;

const FILTER_CONTEXT_KEY = 'newsAnnotator.entityFilterActive';
/** Cursor moves come in bursts; look up the entity under the cursor once they settle. */
const FOLLOW_DEBOUNCE_MS = 250;

/** The Entities view: tree, sort, filter, copy, and revealing the entity under the cursor. */
export function registerEntitiesView(model: NewsViewModel): vscode.Disposable {
  const provider = new EntitiesTreeProvider(model);
  const view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const applyFilter = (text: string) => {
    provider.setFilter(text);
    view.message = provider.filter ? `Filtered by "${provider.filter}"` : undefined;
    void vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, provider.filter !== '');
  };
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor) => {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      if (!view.visible) return;
      const node = provider.nodeAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active));
      if (node) void Promise.resolve(view.reveal(node, { select: true, focus: false })).catch(() => undefined);
    }, FOLLOW_DEBOUNCE_MS);
  };
  return vscode.Disposable.from(
    provider,
    view,
    new vscode.Disposable(() => clearTimeout(followTimer)),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.sortByCount, () => provider.setSortOrder('count')),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.sortByName, () => provider.setSortOrder('name')),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.filter, async (text?: string) => {
      const value = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: 'Filter Entities',
        prompt: 'Show entities whose name, alias or variant contains this text',
        value: provider.filter,
        placeHolder: 'e.g. Meng',
      });
      if (value !== undefined) applyFilter(value);
    }),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.clearFilter, () => applyFilter('')),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.reveal, async (key?: unknown) => {
      if (typeof key !== 'string') return false;
      let node = provider.nodeForKey(key);
      // A filter that hides the entity gives way: the reader asked for this one.
      if (!node && provider.filter) {
        applyFilter('');
        node = provider.nodeForKey(key);
      }
      if (!node) return false;
      await view.reveal(node, { select: true, focus: true, expand: false });
      return true;
    }),
    vscode.commands.registerCommand(ENTITIES_COMMANDS.copyName, async (node?: EntitiesTreeNode) => {
      const target = node ?? view.selection[0];
      const name = target?.kind === 'entity' ? target.entity.name : target?.kind === 'mention' ? target.mention.text : undefined;
      if (name) await vscode.env.clipboard.writeText(name);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
  );
}
