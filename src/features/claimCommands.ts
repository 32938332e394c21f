import * as vscode from 'vscode';
import { CLAIM_STATUS_LABELS, type ClaimStatus, rankCheckWorthySentences } from '../core/claims';
import type { WorkspaceIndex } from '../core/index';
import { parseArticle } from '../core/article';
import type { ClaimsService, WorkspaceClaim } from './claimsService';
import { ratingScale } from './claimsService';

/** A passage to track: an article URI string and UTF-16 offsets (a CodeLens, a test, a keybinding's args). */
export interface PassageArgument {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** What the claim commands accept as "which claim": a Claims view node, a claim id, or nothing (ask). */
type ClaimArgument = string | { readonly kind: 'claim'; readonly claim: WorkspaceClaim } | undefined;

/** The Quotes view's nodes, as far as tracking needs them. */
type QuoteNodeArgument = { readonly kind: 'occurrence'; readonly quote: PassageArgument } | { readonly kind: 'statement'; readonly quotes: readonly PassageArgument[] };

/**
 * The claim commands: Track as Claim… (a selection, the quote or sentence at the cursor, a Quotes
 * view item, a check-worthy sentence's CodeLens), Start Checking, Mark Unchecked, Give Verdict…, Add
 * Note…, Delete Claim and Export Claims…. Arguments skip the dialogs (for keybindings, tests and the CodeLens).
 */
export function registerClaimCommands(claims: ClaimsService, index: Pick<WorkspaceIndex, 'quoteAt'>): vscode.Disposable {
  const register = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    // A keybinding passes its `args` ({ "quick": true }: no note asked, one keystroke tracks).
    register('newsAnnotator.trackClaim', async (arg?: QuoteNodeArgument | PassageArgument | { readonly quick?: boolean }, noteArg?: string) => {
      const passage = passageOf(arg) ?? passageAtCursor(index);
      if (noteArg === undefined && arg && typeof arg === 'object' && 'quick' in arg && arg.quick === true) noteArg = '';
      if (!passage) {
        void vscode.window.showInformationMessage('News Annotator: select a statement in an article (or pick a quote) to track it as a claim.');
        return undefined;
      }
      const note = noteArg ?? (await vscode.window.showInputBox({ title: 'Track as Claim', prompt: 'A first note for the review (optional): Enter to track, Escape to cancel' }));
      if (note === undefined) return undefined;
      const id = await claims.track(vscode.Uri.parse(passage.uri), passage.start, passage.end, note);
      if (id) void vscode.window.setStatusBarMessage('News Annotator: claim tracked (unchecked)', 3000);
      return id;
    }),
    register('newsAnnotator.startChecking', async (arg?: ClaimArgument) => setStatus(claims, arg, 'inProgress')),
    register('newsAnnotator.markClaimUnchecked', async (arg?: ClaimArgument) => setStatus(claims, arg, 'unchecked')),
    register('newsAnnotator.giveVerdict', async (arg?: ClaimArgument, verdictArg?: string) => {
      const claim = await pickClaim(claims, arg, 'Give a verdict on which claim?');
      if (!claim) return false;
      const scale = ratingScale();
      const verdict = verdictArg ?? (await vscode.window.showQuickPick(scale.map((label, i) => ({ label, description: i === 0 ? 'best' : i === scale.length - 1 ? 'worst' : undefined, picked: label === claim.verdict })), {
        title: `Verdict on “${shortText(claim.text)}”`, placeHolder: 'A label of the rating scale (newsAnnotator.ratingScale)',
      }))?.label;
      return verdict ? claims.giveVerdict(claim.id, verdict) : false;
    }),
    register('newsAnnotator.addClaimNote', async (arg?: ClaimArgument, noteArg?: string) => {
      const claim = await pickClaim(claims, arg, 'Add a note to which claim?');
      if (!claim) return false;
      const note = noteArg ?? (await vscode.window.showInputBox({ title: `Note on “${shortText(claim.text)}”`, prompt: 'A reviewer note (sources, calls made, what is left to check)' }));
      return note?.trim() ? claims.addNote(claim.id, note) : false;
    }),
    register('newsAnnotator.deleteClaim', async (arg?: ClaimArgument, confirmed?: boolean) => {
      const claim = await pickClaim(claims, arg, 'Stop tracking which claim?');
      if (!claim) return false;
      const answer = confirmed ? 'Delete' : await vscode.window.showWarningMessage(`Stop tracking “${shortText(claim.text)}”? Its verdict and notes are deleted with it.`, { modal: true }, 'Delete');
      return answer === 'Delete' ? claims.remove(claim.id) : false;
    }),
    register('newsAnnotator.exportClaims', async (formatArg?: 'claimreview' | 'csv', destinationArg?: string) => {
      let format = formatArg;
      let destination = destinationArg ? vscode.Uri.parse(destinationArg) : undefined;
      if (!format || !destination) {
        const picked = await vscode.window.showQuickPick([
          { label: 'ClaimReview (schema.org JSON-LD, for the Fact Check tools)', format: 'claimreview' as const, ext: 'json' },
          { label: 'CSV (a row per claim)', format: 'csv' as const, ext: 'csv' },
        ], { title: 'Export claims as' });
        if (!picked) return undefined;
        format = picked.format;
        const folder = vscode.workspace.workspaceFolders?.[0];
        destination = await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `claims.${picked.ext}`) } : {}), filters: { [picked.label]: [picked.ext] } });
        if (!destination) return undefined;
      }
      const result = await claims.exportTo(format, destination);
      const where = vscode.workspace.asRelativePath(destination);
      if (result.warnings.length > 0) {
        void vscode.window.showWarningMessage(`News Annotator: exported ${result.count} claim(s) to ${where}, with warnings: ${result.warnings.join('; ')}`, 'Open Settings').then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'newsAnnotator.claimReview');
        });
      } else if (!destinationArg) {
        void vscode.window.showInformationMessage(`News Annotator: exported ${result.count} claim(s) to ${where}.`);
      }
      return result;
    }),
  );
}

function passageOf(arg: QuoteNodeArgument | PassageArgument | { readonly quick?: boolean } | undefined): PassageArgument | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  if ('kind' in arg && arg.kind === 'occurrence') return arg.quote;
  if ('kind' in arg && arg.kind === 'statement') return arg.quotes[0];
  if ('uri' in arg && typeof arg.uri === 'string' && Number.isInteger(arg.start) && Number.isInteger(arg.end)) return arg;
  return undefined;
}

/** The selection; else the quote under the cursor; else the sentence under it. */
function passageAtCursor(index: Pick<WorkspaceIndex, 'quoteAt'>): PassageArgument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  const uri = document.uri.toString();
  if (!selection.isEmpty) return { uri, start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
  const offset = document.offsetAt(selection.active);
  const quote = index.quoteAt(uri, offset)?.quote;
  if (quote) return { uri, start: quote.start, end: quote.end };
  const text = document.getText();
  const sentence = rankCheckWorthySentences(text, parseArticle(text), { includeAll: true }).find((s) => offset >= s.start && offset <= s.end);
  return sentence ? { uri, start: sentence.start, end: sentence.end } : undefined;
}

async function setStatus(claims: ClaimsService, arg: ClaimArgument, status: ClaimStatus): Promise<boolean> {
  const claim = await pickClaim(claims, arg, `Mark which claim “${CLAIM_STATUS_LABELS[status]}”?`);
  return claim ? claims.setStatus(claim.id, status) : false;
}

/** The claim an argument names; else the one at the cursor; else the user picks one. */
async function pickClaim(claims: ClaimsService, arg: ClaimArgument, title: string): Promise<WorkspaceClaim | undefined> {
  await claims.refresh();
  if (typeof arg === 'string') return claims.claim(arg);
  if (arg && typeof arg === 'object' && arg.kind === 'claim') return claims.claim(arg.claim.id) ?? arg.claim;
  const editor = vscode.window.activeTextEditor;
  const here = editor ? claims.claimsAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active)) : [];
  if (here.length === 1) return here[0];
  const all = here.length > 1 ? here : claims.claims();
  if (all.length === 0) {
    void vscode.window.showInformationMessage('News Annotator: no claims tracked yet. Select a statement and run "Track as Claim…".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(all.map((claim) => ({
    label: shortText(claim.text),
    description: [CLAIM_STATUS_LABELS[claim.status], claim.verdict, claim.claimant?.name].filter(Boolean).join(' · '),
    claim,
  })), { title });
  return picked?.claim;
}

function shortText(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
