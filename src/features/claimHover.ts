import * as vscode from 'vscode';
import { CLAIM_STATUS_LABELS } from '../core/claims';
import type { ClaimsService } from './claimsService';
import { escapeMarkdownText as escapeMarkdown } from '../core/markdownText';

/** A hover on a tracked claim's passage: its status, verdict, claimant and where else it appears. */
export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly claims: Pick<ClaimsService, 'claimsAt'>) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = this.claims.claimsAt(document.uri.toString(), document.offsetAt(position));
    const [first] = here;
    if (!first?.range) return undefined;
    const markdown = new vscode.MarkdownString();
    for (const claim of here) {
      const status = `${CLAIM_STATUS_LABELS[claim.status]}${claim.verdict ? `: **${escapeMarkdown(claim.verdict)}**` : ''}`;
      markdown.appendMarkdown(`**Tracked claim** · ${status}\n\n`);
      if (claim.claimant) markdown.appendMarkdown(`Claimant: ${escapeMarkdown(claim.claimant.name)} (${claim.claimant.type === 'Person' ? 'person' : 'outlet'})\n\n`);
      const others = claim.appearances.filter((a) => a.file !== claim.uri);
      const firstSeen = claim.firstAppearance ? ` · first: ${escapeMarkdown(claim.firstAppearance.outlet ?? claim.firstAppearance.source)}, ${claim.firstAppearance.date}` : '';
      markdown.appendMarkdown(`${others.length === 0 ? 'In no other article' : `Also in ${others.length} other article${others.length === 1 ? '' : 's'}`}${firstSeen}\n\n`);
      for (const note of claim.notes.slice(-2)) markdown.appendMarkdown(`> ${escapeMarkdown(note)}\n\n`);
    }
    markdown.appendMarkdown('---\n\nClaims view: News › Claims');
    const range = new vscode.Range(document.positionAt(first.range.start), document.positionAt(first.range.end));
    return new vscode.Hover(markdown, range);
  }
}

/** Registers the claim hover (beside the entity hover: VS Code shows both). */
export function registerClaimHover(claims: ClaimsService): vscode.Disposable {
  // News articles only: a hover reads the claims, which starts the workspace index.
  return vscode.languages.registerHoverProvider({ language: 'news-article' }, new ClaimHoverProvider(claims));
}
