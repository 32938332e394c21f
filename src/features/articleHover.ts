import * as vscode from 'vscode';
import type { DateMention, EntityMention } from '../core/types';
import { escapeMarkdownText } from '../core/markdownText';
import { spanToRange } from './convert';
import type { DocumentAnalyses } from './documentAnalysis';
import { type IndexBuildProgress, indexingNote } from '../core/index/buildProgress';

const ENTITY_LABEL: Record<EntityMention['type'], string> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  misc: 'name',
};

/** A card for a name: its canonical name in this article, its type and the roles stated next to its mentions. */
export function entityCard(mention: EntityMention, sameEntity: readonly EntityMention[]): vscode.MarkdownString {
  const card = new vscode.MarkdownString();
  card.appendMarkdown('**').appendMarkdown(escapeMarkdownText(mention.name)).appendMarkdown(`** — ${ENTITY_LABEL[mention.type]}`);
  if (mention.text !== mention.name) card.appendMarkdown('  \nwritten ').appendMarkdown(escapeMarkdownText(`“${mention.text}”`));
  const roles = [...new Set(sameEntity.flatMap((m) => m.roles))];
  if (roles.length) {
    card.appendMarkdown('\n\n**Roles**\n');
    for (const role of roles) card.appendMarkdown('\n- ').appendMarkdown(escapeMarkdownText(role));
  }
  return card;
}

/** A card for a time expression: its resolved value (or that it has none) and its TimeML type. */
export function dateCard(date: DateMention, publicationDate: string | null): vscode.MarkdownString {
  const card = new vscode.MarkdownString();
  card.appendMarkdown(escapeMarkdownText(`“${date.text}”`)).appendMarkdown(` — ${date.type.toLowerCase()}\n\n`);
  if (date.value) card.appendMarkdown('**').appendMarkdown(escapeMarkdownText(date.value)).appendMarkdown('**');
  else card.appendMarkdown('no calendar value');
  if (publicationDate) card.appendMarkdown('\n\nrelative to the publication date ').appendMarkdown(escapeMarkdownText(publicationDate));
  return card;
}

/**
 * Single-article hover: a person's roles and a date's resolved value, from this document's own
 * analysis. Silent on documents the cross-file index holds, where the entity hover answers instead.
 * Every piece of article text goes through `escapeMarkdownText`, so an article cannot inject Markdown
 * (nor a link: `appendText` leaves bare URLs to the renderer's autolinking).
 */
export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: ArticleHoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (this.deps.answeredElsewhere?.(document)) return undefined;
    const { version, parsed, analysis } = await this.deps.analyses.get(document);
    if (token.isCancellationRequested || version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const entity = analysis.entities.find((m) => m.start <= offset && offset < m.end);
    if (entity) {
      const same = analysis.entities.filter((m) => m.type === entity.type && m.name === entity.name);
      const card = entityCard(entity, same);
      // The cross-file card takes over once the index has this article: say why it is not here yet.
      const building = this.deps.building?.();
      if (building) card.appendMarkdown(`\n\n${indexingNote(building)}`);
      return new vscode.Hover(card, spanToRange(document, entity));
    }
    const date = analysis.dates.find((d) => d.start <= offset && offset < d.end);
    if (date) return new vscode.Hover(dateCard(date, parsed.date), spanToRange(document, date));
    return undefined;
  }
}

export interface ArticleHoverDeps {
  analyses: DocumentAnalyses;
  /** True when another hover (the cross-file entity hover) already covers `document`. */
  answeredElsewhere?: (document: vscode.TextDocument) => boolean;
  /** While the cross-file index is being built: how far it is. */
  building?: () => IndexBuildProgress | undefined;
}

export function registerArticleHover(deps: ArticleHoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'news-article' }, new ArticleHoverProvider(deps));
}
