import * as vscode from 'vscode';
import { CHECK_WORTHINESS_LABELS, type CheckWorthySentence, rankCheckWorthySentences } from '../core/claims';
import type { ParsedDocuments } from './parsedDocuments';
import type { ClaimsService } from './claimsService';

/** Sentences per article given a CodeLens when the setting is not changed. */
const DEFAULT_LENS_COUNT = 3;

function lensCount(): number {
  const value = vscode.workspace.getConfiguration('newsAnnotator').get<number>('checkWorthy.codeLensCount');
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : DEFAULT_LENS_COUNT;
}

function why(sentence: CheckWorthySentence): string {
  return sentence.reasons.filter((r) => r.weight > 0).map((r) => CHECK_WORTHINESS_LABELS[r.feature]).join(', ');
}

/**
 * A CodeLens "Track as Claim" over the article's most check-worthy sentences (a hint: numbers,
 * comparisons, superlatives, attribution), skipping those already tracked.
 */
export class CheckWorthyCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly parsed: ParsedDocuments, private readonly claims: Pick<ClaimsService, 'claims' | 'onDidChange'>) {
    this.subscriptions = [
      claims.onDidChange(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('newsAnnotator.checkWorthy')) this.changeEmitter.fire(); }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const count = lensCount();
    if (count === 0) return [];
    const uri = document.uri.toString();
    const tracked = this.claims.claims().filter((c) => c.uri === uri && c.range).map((c) => c.range as { start: number; end: number });
    const ranked = rankCheckWorthySentences(document.getText(), this.parsed.get(document))
      .filter((s) => !tracked.some((r) => r.start < s.end && s.start < r.end))
      .slice(0, count);
    return ranked.map((sentence, i) => {
      const range = new vscode.Range(document.positionAt(sentence.start), document.positionAt(sentence.start));
      return new vscode.CodeLens(range, {
        title: `$(checklist) Check-worthy #${i + 1}: ${why(sentence)} · Track as Claim`,
        tooltip: `A hint, not a verdict (score ${sentence.score}). Tracks this sentence as an unchecked claim.`,
        command: 'newsAnnotator.trackClaim',
        arguments: [{ uri, start: sentence.start, end: sentence.end }, ''],
      });
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changeEmitter.dispose();
  }
}

/** The check-worthy CodeLens on news articles and "Show Check-worthy Sentences" (ranked, Enter tracks). */
export function registerCheckWorthyLens(parsed: ParsedDocuments, claims: ClaimsService): vscode.Disposable {
  const provider = new CheckWorthyCodeLensProvider(parsed, claims);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerCodeLensProvider({ language: 'news-article' }, provider),
    vscode.commands.registerCommand('newsAnnotator.showCheckWorthySentences', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const { document } = editor;
      const ranked = rankCheckWorthySentences(document.getText(), parsed.get(document));
      if (ranked.length === 0) {
        void vscode.window.showInformationMessage('News Annotator: no sentence of this article states a number, a comparison, a superlative or an attributed claim.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(ranked.map((sentence) => ({
        label: sentence.text.replace(/\s+/g, ' ').trim(),
        detail: `score ${sentence.score}: ${why(sentence)}`,
        sentence,
      })), { title: 'Check-worthy sentences (a hint, not a verdict): Enter tracks one as a claim', matchOnDetail: true });
      if (!picked) return undefined;
      return vscode.commands.executeCommand('newsAnnotator.trackClaim', { uri: document.uri.toString(), start: picked.sentence.start, end: picked.sentence.end }, '');
    }),
  );
}
