import * as vscode from 'vscode';
import { NEWS_ARTICLE_SCORE_THRESHOLD, parseArticle } from '../core/article';
import { type Logger, silentLogger } from '../core/logger';

export const NEWS_ARTICLE_LANGUAGE = 'news-article';

/** Schemes of documents a person edits; output channels and SCM views are plain text too but are left alone. */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web']);
/** The header, first paragraphs and footer are what the parser scores; the rest of a huge file adds nothing. */
const DETECTION_PREFIX_LENGTH = 200_000;
/** An article pasted into a new untitled editor is detected once typing pauses. */
const UNTITLED_RECHECK_DELAY_MS = 500;

/** Whether `document` matches one of the `newsAnnotator.filePatterns` globs (relative to a workspace folder or absolute). */
export function matchesFilePatterns(document: vscode.TextDocument, patterns: readonly string[]): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return patterns.some((pattern) =>
    vscode.languages.match({ pattern }, document) > 0 ||
    folders.some((folder) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0));
}

/**
 * Switches plain-text documents that are news articles to the `news-article` language: those matching
 * `newsAnnotator.filePatterns`, and (unless `newsAnnotator.detectByContent` is off) those the parser
 * scores as an article. A document is switched at most once per session: changing a language
 * reopens the document, so a switched document seen again as plain text is one the user set back.
 */
export class NewsArticleLanguageDetector implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly pendingRechecks = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly logger: Logger = silentLogger) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.consider(document)),
      // A new untitled editor opens empty; its text arrives by typing or pasting.
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.uri.scheme === 'untitled' && document.languageId === 'plaintext') this.recheckLater(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.cancelRecheck(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsAnnotator.detectByContent') || event.affectsConfiguration('newsAnnotator.filePatterns')) {
          this.considerOpenDocuments();
        }
      }),
    );
    this.considerOpenDocuments();
  }

  /** Whether `document` should become a news article now (pure decision, no side effect). */
  shouldSwitch(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'plaintext' || !EDITABLE_SCHEMES.has(document.uri.scheme)) return false;
    if (this.switched.has(document.uri.toString())) return false;
    const settings = vscode.workspace.getConfiguration('newsAnnotator', document.uri);
    if (matchesFilePatterns(document, settings.get<string[]>('filePatterns') ?? [])) return true;
    if (!settings.get<boolean>('detectByContent', true)) return false;
    const text = document.getText();
    return parseArticle(text.length > DETECTION_PREFIX_LENGTH ? text.slice(0, DETECTION_PREFIX_LENGTH) : text).score >= NEWS_ARTICLE_SCORE_THRESHOLD;
  }

  private considerOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.consider(document);
  }

  private recheckLater(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancelRecheck(key);
    this.pendingRechecks.set(key, setTimeout(() => {
      this.pendingRechecks.delete(key);
      if (!document.isClosed) void this.consider(document);
    }, UNTITLED_RECHECK_DELAY_MS));
  }

  private cancelRecheck(key: string): void {
    const timer = this.pendingRechecks.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pendingRechecks.delete(key);
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (!this.shouldSwitch(document)) return;
    this.switched.add(document.uri.toString());
    try {
      await vscode.languages.setTextDocumentLanguage(document, NEWS_ARTICLE_LANGUAGE);
    } catch (error) {
      // The document may have closed meanwhile; nothing to undo.
      this.logger.warn(`could not switch the language of ${document.uri.toString()}`, error);
    }
  }

  dispose(): void {
    for (const timer of this.pendingRechecks.values()) clearTimeout(timer);
    this.pendingRechecks.clear();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables.length = 0;
  }
}

export function registerLanguageDetection(logger?: Logger): vscode.Disposable {
  return new NewsArticleLanguageDetector(logger);
}
