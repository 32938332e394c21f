import * as vscode from 'vscode';
import type { CorrectionRequest } from '../core/corrections';
import type { AnnotationsTreeNode } from './annotationsView';
import type { ArticlesTreeNode } from './articlesView';
import type { CorrectionPlace, CorrectionRecorder, StoredCorrection } from './comments';
import type { EntitiesTreeNode } from './entitiesView';
import type { NewsEntity, NewsLocation, NewsViewModel } from './newsViewModel';
import type { QuotesTreeNode } from './quotesView';

/**
 * The context menus of the News views: corrections on an entity or an article (stored as annotations
 * through the comments feature, applied by the index, so every view follows on the index's update)
 * and copying what an item shows. The editor has its own correction commands (on a selection); these
 * take the tree item VS Code passes to a context-menu command, and optional values after it so a
 * keybinding or a test can skip the pickers.
 */
export const SIDEBAR_COMMANDS = {
  markAsPerson: 'newsAnnotator.entity.markAsPerson',
  markAsOrganization: 'newsAnnotator.entity.markAsOrganization',
  markAsPlace: 'newsAnnotator.entity.markAsPlace',
  notAnEntity: 'newsAnnotator.entity.notAnEntity',
  mergeWith: 'newsAnnotator.entity.mergeWith',
  rename: 'newsAnnotator.entity.rename',
  setOutlet: 'newsAnnotator.article.setOutlet',
  copyPath: 'newsAnnotator.article.copyPath',
  copyQuote: 'newsAnnotator.quote.copy',
  copyAnnotation: 'newsAnnotator.annotation.copy',
} as const;

/** What the sidebar's actions need: the view model and where corrections are recorded. */
export interface SidebarActionsDeps {
  readonly model: NewsViewModel;
  readonly corrections: CorrectionRecorder;
}

type CorrectableKind = 'person' | 'organization' | 'place';

function entityOf(node: unknown): NewsEntity | undefined {
  const entity = (node as EntitiesTreeNode | undefined)?.kind === 'entity' ? (node as Extract<EntitiesTreeNode, { kind: 'entity' }>).entity : undefined;
  return entity && entity.kind !== 'date' ? entity : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first mention of each form an entity is written in (name, surname alone, with a title...). */
export function firstMentionOfEachForm(mentions: readonly NewsLocation[]): NewsLocation[] {
  const byForm = new Map<string, NewsLocation>();
  for (const mention of sortedMentions(mentions)) {
    const form = collapse(mention.text).toLowerCase();
    if (!byForm.has(form)) byForm.set(form, mention);
  }
  return [...byForm.values()];
}

/**
 * The mention a merge or rename is recorded on: one written as the entity's name (a merge made on an
 * alias such as a surname alone would join only that alias), else the longest form.
 */
export function nameMention(entity: NewsEntity, mentions: readonly NewsLocation[]): NewsLocation | undefined {
  const sorted = sortedMentions(mentions);
  const name = collapse(entity.name).toLowerCase();
  return sorted.find((m) => collapse(m.text).toLowerCase() === name)
    ?? sorted.reduce<NewsLocation | undefined>((best, m) => (!best || collapse(m.text).length > collapse(best.text).length ? m : best), undefined);
}

function sortedMentions(mentions: readonly NewsLocation[]): NewsLocation[] {
  return [...mentions].sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start);
}

function placeOf(mention: NewsLocation): CorrectionPlace {
  return { uri: mention.uri, start: mention.start, end: mention.end };
}

const KIND_LABELS: Record<CorrectableKind, string> = { person: 'person', organization: 'organization', place: 'place' };

/** Registers the context-menu commands of the Articles, Entities, Quotes and Annotations views. */
export function registerSidebarActions(deps: SidebarActionsDeps): vscode.Disposable {
  const { model, corrections } = deps;

  /** Records `request` on `places`, says what happened, and returns what was stored. */
  const record = async (request: CorrectionRequest, places: readonly CorrectionPlace[], done: string): Promise<StoredCorrection[]> => {
    if (!places.length) {
      void vscode.window.showInformationMessage('News Annotator: this entity has no mention left to record the correction on.');
      return [];
    }
    const stored = await corrections.correctAt(request, places);
    if (stored.length) vscode.window.setStatusBarMessage(`News Annotator: ${done}`, 5000);
    return stored;
  };

  const mentionsOf = async (entity: NewsEntity) => [...(await model.mentionsOf(entity))];

  /** A type or "not an entity" holds for a name: recorded on every form the entity is written in. */
  const correctEveryForm = async (node: unknown, request: CorrectionRequest, done: (entity: NewsEntity) => string) => {
    const entity = entityOf(node);
    if (!entity) return [];
    return record(request, firstMentionOfEachForm(await mentionsOf(entity)).map(placeOf), done(entity));
  };

  const markAs = (type: 'Person' | 'Organization' | 'Place') => (node: unknown) =>
    correctEveryForm(node, { kind: 'setType', entityType: type }, (e) => `${e.name} marked as ${type.toLowerCase()}.`);

  const pickEntityToMergeWith = async (entity: NewsEntity): Promise<string | undefined> => {
    const others = model.entities()
      .filter((e) => e.kind === entity.kind && e.key !== entity.key)
      .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
    const picked = await vscode.window.showQuickPick(
      others.map((e) => ({ label: e.name, description: `${e.mentionCount} mentions · ${e.articleCount} articles`, detail: e.variants.length ? `also spelled ${e.variants.join(', ')}` : undefined })),
      { title: `Merge ${entity.name} with…`, placeHolder: `The ${KIND_LABELS[entity.kind as CorrectableKind]} that ${entity.name} is`, matchOnDescription: false },
    );
    return picked?.label;
  };

  const pickOutlet = async (current: string | undefined): Promise<string | undefined> => {
    const known = [...new Set(model.articles().map((a) => a.outlet?.name).filter((n): n is string => !!n))].sort();
    const quickPick = vscode.window.createQuickPick();
    quickPick.title = 'Set Outlet';
    quickPick.placeholder = 'Pick an outlet or type a new name';
    quickPick.value = '';
    const itemsFor = (typed: string) => {
      const existing = known.map((name) => ({ label: name, description: name === current ? 'current' : undefined }));
      const trimmed = typed.trim();
      return trimmed && !known.some((n) => n.toLowerCase() === trimmed.toLowerCase())
        ? [{ label: trimmed, description: 'new outlet' }, ...existing]
        : existing;
    };
    quickPick.items = itemsFor('');
    return new Promise<string | undefined>((resolve) => {
      const subscriptions = [
        quickPick.onDidChangeValue((value) => (quickPick.items = itemsFor(value))),
        quickPick.onDidAccept(() => {
          resolve(quickPick.selectedItems[0]?.label ?? (quickPick.value.trim() || undefined));
          quickPick.hide();
        }),
        quickPick.onDidHide(() => {
          resolve(undefined);
          for (const s of subscriptions) s.dispose();
          quickPick.dispose();
        }),
      ];
      quickPick.show();
    });
  };

  const register = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    register(SIDEBAR_COMMANDS.markAsPerson, markAs('Person')),
    register(SIDEBAR_COMMANDS.markAsOrganization, markAs('Organization')),
    register(SIDEBAR_COMMANDS.markAsPlace, markAs('Place')),
    // From the sidebar the entity goes from every article (from the editor, from that article only).
    register(SIDEBAR_COMMANDS.notAnEntity, (node: unknown) =>
      correctEveryForm(node, { kind: 'notAnEntity', scope: 'workspace' }, (e) => `${e.name} is no longer listed as an entity.`)),
    register(SIDEBAR_COMMANDS.mergeWith, async (node: unknown, targetName?: string) => {
      const entity = entityOf(node);
      if (!entity) return [];
      const canonicalName = (typeof targetName === 'string' ? targetName : await pickEntityToMergeWith(entity))?.trim();
      if (!canonicalName) return [];
      const mention = nameMention(entity, await mentionsOf(entity));
      return record({ kind: 'mergeWith', canonicalName }, mention ? [placeOf(mention)] : [], `${entity.name} merged with ${canonicalName}.`);
    }),
    // A rename is a merge into the new name: the entity is the one named so (see the README).
    register(SIDEBAR_COMMANDS.rename, async (node: unknown, newNameArg?: string) => {
      const entity = entityOf(node);
      if (!entity) return [];
      const newName = (typeof newNameArg === 'string' ? newNameArg : await vscode.window.showInputBox({
        title: `Rename ${entity.name}`,
        prompt: 'The name this entity is listed under in every article (its mentions keep their spelling)',
        value: entity.name,
        validateInput: (value) => (value.trim() ? undefined : 'A name is needed'),
      }))?.trim();
      if (!newName || newName === entity.name) return [];
      const mention = nameMention(entity, await mentionsOf(entity));
      return record({ kind: 'mergeWith', canonicalName: newName }, mention ? [placeOf(mention)] : [], `${entity.name} renamed to ${newName}.`);
    }),
    register(SIDEBAR_COMMANDS.setOutlet, async (node: unknown, outletArg?: string) => {
      const article = (node as ArticlesTreeNode | undefined)?.kind === 'article' ? (node as Extract<ArticlesTreeNode, { kind: 'article' }>).article : undefined;
      if (!article) return [];
      const outlet = (typeof outletArg === 'string' ? outletArg : await pickOutlet(article.outlet?.name))?.trim();
      if (!outlet) return [];
      return record({ kind: 'setOutlet', outlet }, [{ uri: article.uri }], `${article.label}: outlet set to ${outlet}.`);
    }),
    register(SIDEBAR_COMMANDS.copyPath, async (node: unknown) => {
      const article = (node as ArticlesTreeNode | undefined)?.kind === 'article' ? (node as Extract<ArticlesTreeNode, { kind: 'article' }>).article : undefined;
      if (article) await vscode.env.clipboard.writeText(article.label);
    }),
    register(SIDEBAR_COMMANDS.copyQuote, async (node: unknown) => {
      const quote = node as QuotesTreeNode | undefined;
      const text = quote?.kind === 'occurrence' ? quote.quote.text : quote?.kind === 'statement' ? quote.text : undefined;
      if (text) await vscode.env.clipboard.writeText(collapse(text));
    }),
    register(SIDEBAR_COMMANDS.copyAnnotation, async (node: unknown) => {
      const item = node as AnnotationsTreeNode | undefined;
      if (item?.kind !== 'annotation') return;
      const { quote, text, tags } = item.annotation;
      // Tags written in the text (#verify) are not repeated; tags set apart from it are added.
      const extraTags = tags.filter((t) => !text.toLowerCase().includes(`#${t.toLowerCase()}`)).map((t) => `#${t}`).join(' ');
      const lines = [quote ? `> ${collapse(quote)}` : '', text, extraTags].filter((l) => l);
      await vscode.env.clipboard.writeText(lines.join('\n\n'));
    }),
  );
}
