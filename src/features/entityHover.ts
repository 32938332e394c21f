import * as vscode from 'vscode';
import type { IndexedEntity, WorkspaceIndex } from '../core/index';
import { articlesAndOrigins } from '../core/corpus/copies';
import { type IndexBuildProgress, indexingNote } from '../core/index/buildProgress';
import { quoteExcerpt } from '../core/quotes/excerpt';
import type { Span } from '../core/types';
import { escapeMarkdownText } from '../core/markdownText';
import { OPEN_MENTION_COMMAND } from './newsViewModel';
import { SHOW_MENTIONS_COMMAND } from './entityNavigation';

/** How many articles, quotes and same-day articles a card lists before "and N more". */
const LIST_LIMIT = 5;

/** What the hover needs beyond the index. */
export interface EntityHoverDeps {
  index: WorkspaceIndex;
  /** The workspace's annotations (the News view model), to count those on an entity's mentions. */
  annotations?: { annotations(): readonly { uri: string | null; range?: Span }[] };
  /** While the index is being built: articles indexed of those listed (see {@link indexingNote}). */
  building?: () => IndexBuildProgress | undefined;
}


/** Escapes article text for Markdown, so an article cannot inject links (bare URLs included), images or HTML. */
export const escapeMarkdown = escapeMarkdownText;

function openLink(label: string, file: string, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([file, start, end]));
  return `[${escapeMarkdown(label)}](command:${OPEN_MENTION_COMMAND}?${args} "Open")`;
}

function fileLabel(file: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(file), false);
  } catch {
    return file;
  }
}

function more(total: number): string {
  return total > LIST_LIMIT ? `\n- … and ${total - LIST_LIMIT} more\n` : '';
}

/**
 * Cross-file hover cards: on an entity (canonical name, type, roles, spellings, mentions per article
 * and outlet with links, first quotes, annotations), on a date (the other articles on that day) and
 * on a quote (speaker, cue, the same statement elsewhere with its differences).
 */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: EntityHoverDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = document.uri.toString();
    const offset = document.offsetAt(position);
    const { index } = this.deps;
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const entityHit = index.entityAt(file, offset);
    if (entityHit) return new vscode.Hover(this.entityCard(entityHit.entity), range(entityHit.mention.start, entityHit.mention.end));
    const date = index.dateAt(file, offset);
    if (date) return new vscode.Hover(this.dateCard(file, date.text, date.value), range(date.start, date.end));
    const quote = index.quoteAt(file, offset);
    if (quote) return new vscode.Hover(this.quoteCard(quote), range(quote.quote.start, quote.quote.end));
    return undefined;
  }

  private markdown(): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = { enabledCommands: [OPEN_MENTION_COMMAND, SHOW_MENTIONS_COMMAND] };
    md.supportHtml = false;
    return md;
  }

  /** The entity card. */
  entityCard(entity: IndexedEntity): vscode.MarkdownString {
    const { index } = this.deps;
    const md = this.markdown();
    md.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${entity.type}\n\n`);
    const building = this.deps.building?.();
    if (building) md.appendMarkdown(`${indexingNote(building)}\n\n`);
    if (entity.roles.length) md.appendMarkdown(`*Roles:* ${entity.roles.map((r) => `${escapeMarkdown(r.role)}${r.count > 1 ? ` (${r.count})` : ''}`).join(' · ')}\n\n`);
    const plainAliases = entity.aliases.filter((a) => !entity.variants.includes(a));
    if (plainAliases.length) md.appendMarkdown(`*Also written:* ${plainAliases.map(escapeMarkdown).join(' · ')}\n\n`);
    if (entity.variants.length) md.appendMarkdown(`*Variant spellings:* ${entity.variants.map((v) => `${escapeMarkdown(v)} (variant)`).join(' · ')}\n\n`);
    const counts = index.mentionCounts(entity.id);
    const showArgs = encodeURIComponent(JSON.stringify([entity.id]));
    const origins = index.originCount(counts.perArticle.map((p) => p.file));
    md.appendMarkdown(`*Mentions:* [${entity.mentionCount} in ${articlesAndOrigins(counts.perArticle.length, origins)}](command:${SHOW_MENTIONS_COMMAND}?${showArgs} "Show all mentions")\n\n`);
    for (const { file, count } of counts.perArticle.slice(0, LIST_LIMIT)) {
      const first = index.mentionsInFile(entity.id, file)[0];
      const outlet = index.outletOf(file);
      md.appendMarkdown(`- ${first ? openLink(fileLabel(file), file, first.start, first.end) : escapeMarkdown(fileLabel(file))}: ${count}${outlet ? ` — ${escapeMarkdown(outlet)}` : ''}\n`);
    }
    md.appendMarkdown(more(counts.perArticle.length));
    md.appendMarkdown(`\n*By outlet:* ${counts.perOutlet.map((o) => `${escapeMarkdown(o.outlet)} ${o.count}`).join(' · ')}\n\n`);
    const quotes = index.quotesBy(entity.id, LIST_LIMIT);
    if (quotes.length) {
      md.appendMarkdown('*Quotes:*\n');
      for (const q of quotes) md.appendMarkdown(`- ${escapeMarkdown(quoteExcerpt(q.quote.text))} — ${openLink(fileLabel(q.file), q.file, q.quote.start, q.quote.end)}\n`);
      md.appendMarkdown('\n');
    }
    if (this.deps.annotations) md.appendMarkdown(`*Annotations:* ${this.countAnnotations(entity)}\n`);
    return md;
  }

  /** Annotations whose passage overlaps a mention of the entity. */
  private countAnnotations(entity: IndexedEntity): number {
    const files = new Set(entity.files);
    let count = 0;
    for (const a of this.deps.annotations?.annotations() ?? []) {
      if (!a.uri || !a.range || !files.has(a.uri)) continue;
      const range = a.range;
      if (this.deps.index.mentionsInFile(entity.id, a.uri).some((m) => m.start < range.end && range.start < m.end)) count++;
    }
    return count;
  }

  private dateCard(file: string, text: string, value: string | null): vscode.MarkdownString {
    const md = this.markdown();
    md.appendMarkdown(`**${escapeMarkdown(text)}** · ${value ? escapeMarkdown(value) : 'no calendar value'}\n\n`);
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return md;
    const others = this.deps.index.datesOnDay(value, file);
    const byFile = new Map<string, (typeof others)[number]>();
    for (const o of others) if (!byFile.has(o.file)) byFile.set(o.file, o);
    if (!byFile.size) {
      md.appendMarkdown('No other article mentions this day.\n');
      return md;
    }
    md.appendMarkdown(`*Same day in ${byFile.size} other article${byFile.size === 1 ? '' : 's'}:*\n`);
    for (const o of [...byFile.values()].slice(0, LIST_LIMIT)) md.appendMarkdown(`- ${openLink(fileLabel(o.file), o.file, o.date.start, o.date.end)} (“${escapeMarkdown(o.date.text)}”)\n`);
    md.appendMarkdown(more(byFile.size));
    return md;
  }

  private quoteCard(hit: ReturnType<WorkspaceIndex['quoteAt']> & object): vscode.MarkdownString {
    const { index } = this.deps;
    const md = this.markdown();
    const speaker = hit.speakerId ? index.entity(hit.speakerId)?.name : (hit.quote.speakerName ?? hit.quote.speakerText);
    md.appendMarkdown(`**Quote** · ${speaker ? escapeMarkdown(speaker) : 'speaker unknown'}${hit.quote.cue ? ` (${escapeMarkdown(hit.quote.cue)})` : ''}\n\n`);
    const similar = index.similarQuotes(hit.file, hit.quote, LIST_LIMIT);
    if (!similar.length) return md;
    md.appendMarkdown('*The same statement elsewhere:*\n');
    for (const s of similar) {
      md.appendMarkdown(`- ${openLink(fileLabel(s.file), s.file, s.quote.start, s.quote.end)} (${Math.round(s.similarity * 100)}% alike): ${escapeMarkdown(quoteExcerpt(s.quote.text))}\n`);
      const diffs = s.differences.slice(0, 6).map((d) =>
        d.kind === 'changed' ? `*${escapeMarkdown(d.a)}* → *${escapeMarkdown(d.b)}*` : d.kind === 'missing' ? `without *${escapeMarkdown(d.a)}*` : `adds *${escapeMarkdown(d.b)}*`);
      if (diffs.length) md.appendMarkdown(`  - differences: ${diffs.join('; ')}\n`);
    }
    return md;
  }
}

/** Registers the cross-file hover for news articles. */
export function registerEntityHover(deps: EntityHoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'news-article' }, new EntityHoverProvider(deps));
}
