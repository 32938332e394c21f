import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClaimsViewSnapshot } from '../../src/features/claimsView';
import type { NewsViewModel } from '../../src/features/newsViewModel';
import { QuotesTreeProvider, type QuoteOccurrenceNode, type StatementNode } from '../../src/features/quotesView';
import { EXTENSION_ID, FIRST_SEED, OTHER_SEED, eventually, workspaceFile } from './workspaceIndexKit';

// The fact-checker's workbench end to end in VS Code: a claim tracked from the Quotes view (its
// context menu passes the tree node to the command, as here), moved to "in progress", given a
// verdict, and read back from the extension's own Claims view (a hidden snapshot command renders
// its tree). A Quotes tree of this bundle over the extension's view model stands in for the view.
// The claim is deleted again at the end.

const CLAIM_WORDS = 'no law in China requires any company to install mandatory back';

async function snapshot(): Promise<ClaimsViewSnapshot> {
  return vscode.commands.executeCommand<ClaimsViewSnapshot>('newsAnnotator.claimsViewSnapshot');
}

describe('claims: track from the Quotes view, give a verdict, see it in the Claims view', function () {
  this.timeout(120_000);
  let model: NewsViewModel;
  let claimId: string | undefined;

  before(async function () {
    const extension = vscode.extensions.getExtension<{ newsViewModel: NewsViewModel }>(EXTENSION_ID);
    assert.ok(extension);
    if (!existsSync(join(extension.extensionPath, 'models', 'ner-en.bin'))) this.skip();
    model = (await extension.activate()).newsViewModel;
    await vscode.commands.executeCommand('newsAnnotator.refreshViews');
    await eventually(async () => (model.progress === undefined && model.quotes().some((q) => q.text.includes('mandatory back')) ? true : undefined), 'the quotes of the seeds', 60_000);
  });

  after(async () => {
    if (claimId) await vscode.commands.executeCommand('newsAnnotator.deleteClaim', claimId, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('tracks the statement both outlets quote, moves it through in progress to a verdict, and lists it with its claimant and appearances', async () => {
    const quotes = new QuotesTreeProvider(model);
    const ren = quotes.getChildren().find((n) => n.kind === 'speaker' && n.speaker === 'Ren Zhengfei');
    assert.ok(ren, 'the Quotes view lists Ren Zhengfei');
    const statement = quotes.getChildren(ren).find((n): n is StatementNode => n.kind === 'statement' && n.quotes.some((q) => q.text.includes('mandatory back')));
    assert.ok(statement, 'the no-law statement is one of his');
    const occurrence = quotes.getChildren(statement).find((n): n is QuoteOccurrenceNode => n.kind === 'occurrence' && n.quote.uri.endsWith(OTHER_SEED));
    assert.ok(occurrence, `the statement is quoted in ${OTHER_SEED}`);
    quotes.dispose();

    // The context menu's "Track as Claim…" with the note prompt answered by an empty note.
    claimId = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.trackClaim', occurrence, '');
    assert.ok(claimId && /^urn:uuid:/.test(claimId), `a claim id (${String(claimId)})`);

    // Stored as an assessing annotation with its status, in the article's store file.
    const store = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(`.news-annotations/${OTHER_SEED}.jsonld`)))) as { items: { id: string; motivation: string; body: { purpose?: string; value: string }[]; target: { selector: { type: string; exact?: string }[] } }[] };
    const stored = store.items.find((a) => a.id === claimId);
    assert.ok(stored);
    assert.strictEqual(stored.motivation, 'assessing');
    assert.ok(stored.body.some((b) => b.purpose === 'classifying' && b.value === 'news:ClaimUnchecked'));
    const exact = stored.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
    assert.ok(exact.toLowerCase().startsWith('no law in china') && !/^[“"]/.test(exact), `the passage without its quote marks: ${exact}`);

    const unchecked = await snapshot();
    assert.ok(unchecked.groups.find((g) => g.label === 'Unchecked')?.claims.some((c) => c.id === claimId), JSON.stringify(unchecked));

    assert.strictEqual(await vscode.commands.executeCommand('newsAnnotator.startChecking', claimId), true);
    assert.ok((await snapshot()).groups.find((g) => g.label === 'In progress')?.claims.some((c) => c.id === claimId));

    assert.strictEqual(await vscode.commands.executeCommand('newsAnnotator.giveVerdict', claimId, 'Mostly false'), true);
    // The claimant and the appearances come from the index: wait for it to have both seeds.
    const judged = await eventually(async () => {
      const view = await snapshot();
      const claim = view.groups.find((g) => g.label === 'Verdict given')?.claims.find((c) => c.id === claimId);
      return claim && claim.appearances.length === 2 ? { view, claim } : undefined;
    }, 'the claim under "Verdict given" with both appearances', 30_000);
    assert.ok(judged.claim.label.toLowerCase().includes(CLAIM_WORDS.toLowerCase().slice(0, 30)), judged.claim.label);
    assert.ok(judged.claim.description.includes('Mostly false'), judged.claim.description);
    assert.ok(judged.claim.description.includes('Ren Zhengfei'), judged.claim.description);
    assert.ok(judged.claim.description.includes('2019-01-15'), judged.claim.description);
    assert.ok(judged.claim.appearances[0]?.startsWith('The Epoch Times · 2019-01-15 · first appearance'), judged.claim.appearances.join(' | '));
    assert.ok(judged.claim.appearances[1]?.startsWith('Free America Network · undated'), judged.claim.appearances.join(' | '));

    // By claimant: under Ren Zhengfei.
    await vscode.commands.executeCommand('newsAnnotator.groupClaimsByClaimant');
    const byClaimant = await snapshot();
    assert.strictEqual(byClaimant.grouping, 'claimant');
    assert.ok(byClaimant.groups.find((g) => g.label === 'Ren Zhengfei')?.claims.some((c) => c.id === claimId), JSON.stringify(byClaimant));
    await vscode.commands.executeCommand('newsAnnotator.groupClaimsByStatus');

    // The hover on the claimed passage says so.
    const document = await vscode.workspace.openTextDocument(workspaceFile(OTHER_SEED));
    const at = document.getText().indexOf('mandatory backdoors');
    assert.ok(at > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('Tracked claim') && text.includes('Mostly false'), text);

    // The export command writes ClaimReview JSON with the verdict, claimant and first appearance.
    const destination = workspaceFile('.vscode-test-claims.json');
    try {
      const result = await vscode.commands.executeCommand<{ count: number; warnings: string[] }>('newsAnnotator.exportClaims', 'claimreview', destination.toString());
      // Every assessing annotation is a claim: the comments suite's assessment is exported too.
      assert.ok(result.count >= 1, `${result.count} review(s)`);
      assert.ok(result.warnings.some((w) => w.includes('urlTemplate is not set')), 'warns while the URL template is unset');
      const reviews = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(destination))) as { claimReviewed: string; reviewRating: { alternateName: string }; itemReviewed: { author: { name: string }; firstAppearance: { url: string } } }[];
      assert.strictEqual(reviews.length, result.count);
      const review = reviews.find((r) => r.claimReviewed.startsWith('No law in China'));
      assert.strictEqual(review?.reviewRating.alternateName, 'Mostly false');
      assert.strictEqual(review?.itemReviewed.author.name, 'Ren Zhengfei');
      assert.strictEqual(review?.itemReviewed.firstAppearance.url, OTHER_SEED);
    } finally {
      await vscode.workspace.fs.delete(destination).then(undefined, () => undefined);
    }
  });

  it(`offers check-worthy sentences of ${FIRST_SEED} as CodeLenses that track them`, async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(FIRST_SEED));
    await vscode.window.showTextDocument(document);
    const lenses = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
      const ours = found.filter((l) => l.command?.command === 'newsAnnotator.trackClaim');
      return ours.length > 0 ? ours : undefined;
    }, 'the check-worthy CodeLenses');
    assert.ok(lenses.length <= 3, 'three by default');
    assert.ok(lenses.every((l) => l.command?.title.includes('Track as Claim')));
  });
});
