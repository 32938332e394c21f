import * as vscode from 'vscode';
import { type Annotation, AnnotationStore, StoreFileError, anchorTarget, articleTargetOf, selectorsFor } from '../core/annotations';
import {
  type Claim, type ClaimIndex, claimPassage, type ClaimReviewSettings, type ClaimStatus, claimsToCsv, createClaim, describeClaim, isClaim,
  toClaimReviews, withClaimStatus, withNote, withVerdict,
} from '../core/claims';
import type { Span } from '../core/types';
import { WorkspaceFsStoreHost } from './annotationStoreHost';
import { gitUserName } from './comments';
import { type Logger, silentLogger } from '../core/logger';

const DEFAULT_RATING_SCALE = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'];

/** A claim as the extension shows it: what the core computed, with the article's URI and current passage. */
export interface WorkspaceClaim extends Claim {
  readonly id: string;
  /** The annotated article's URI string. */
  readonly uri: string;
  /** The passage in the article's current text; undefined for an orphan. */
  readonly range?: Span;
}

/** What the claims need of the workspace index service. */
export interface ClaimsIndexSource {
  readonly index: ClaimIndex & { readonly onDidUpdate: (listener: () => void) => { dispose(): void } };
  /** Starts indexing (it waits for the first article otherwise): a claim's appearances need the index. */
  ensureStarted?(): void;
}

/**
 * The workspace's claims: the `assessing` annotations of every folder's annotation store (a store
 * instance of its own, as another window would have: the store merges writers and its watcher
 * brings the comments feature's writes here and ours there), each anchored in its article's current
 * text (the open document's, else the file's) and described by the core over the workspace index.
 */
export class ClaimsService implements vscode.Disposable {
  private readonly stores = new Map<string, { folder: vscode.WorkspaceFolder; store: AnnotationStore }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a claim was tracked, changed or moved, or the index changed what is known about it. */
  readonly onDidChange = this.changeEmitter.event;
  private located: { annotation: Annotation; uri: string; range?: Span }[] = [];
  private cached: WorkspaceClaim[] | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private loaded = false;

  constructor(private readonly source: ClaimsIndexSource, private readonly logger: Logger = silentLogger) {
    const indexSubscription = source.index.onDidUpdate(() => this.invalidate());
    this.disposables.push(
      this.changeEmitter,
      new vscode.Disposable(() => indexSubscription.dispose()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidSaveTextDocument(() => void this.refresh()),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const { store } of this.stores.values()) store.dispose();
  }

  /** Every claim, oldest first. Computed on demand over the index; {@link refresh} re-reads the stores. */
  claims(): readonly WorkspaceClaim[] {
    // The stores are read on first use (a hover, a CodeLens, the view), not at activation.
    if (!this.loaded && !this.refreshing) void this.refresh();
    if (this.cached) return this.cached;
    const index = this.source.index;
    // A claim in an article the index has not reached yet is still its own appearance (undated until it is).
    this.cached = this.located.map(({ annotation, uri, range }) => ({
      ...describeClaim({ annotation, file: uri, ...(range ? { range } : {}) }, index, relativePath),
      id: annotation.id, uri, ...(range ? { range } : {}),
    }));
    return this.cached;
  }

  /** The claim with `id`, if tracked. */
  claim(id: string): WorkspaceClaim | undefined {
    return this.claims().find((c) => c.id === id);
  }

  /** Claims whose passage covers `offset` in the article at `uri`. */
  claimsAt(uri: string, offset: number): WorkspaceClaim[] {
    return this.claims().filter((c) => c.uri === uri && c.range && offset >= c.range.start && offset <= c.range.end);
  }

  /** Reads every folder's store and anchors each claim (coalesced: one refresh runs at a time). */
  refresh(): Promise<void> {
    this.source.ensureStarted?.();
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.readAll();
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Tracks `[start, end)` of the article at `uri` as a new, unchecked claim. Resolves to its id, or undefined when refused. */
  async track(uri: vscode.Uri, start: number, end: number, note?: string): Promise<string | undefined> {
    const located = this.locate(uri);
    if (!located) {
      void vscode.window.showInformationMessage(`News Annotator: ${vscode.workspace.asRelativePath(uri)} is not in a workspace folder, so its claims cannot be tracked.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const range = claimPassage(text, start, end);
    if (range.end <= range.start) {
      void vscode.window.showInformationMessage('News Annotator: select the statement to track as a claim.');
      return undefined;
    }
    const creator = await authorName(located.folder);
    const claim = createClaim({ target: { source: located.article, selector: selectorsFor(text, range.start, range.end) }, ...(creator ? { creator } : {}), ...(note ? { note } : {}) });
    if (!(await this.guard(located.store.put(located.article, [claim])))) return undefined;
    await this.refresh();
    return claim.id;
  }

  /** Moves a claim to `status`. */
  setStatus(id: string, status: ClaimStatus): Promise<boolean> {
    return this.revise(id, (a) => withClaimStatus(a, status));
  }

  /** Gives a claim its verdict (one label of the rating scale). */
  giveVerdict(id: string, verdict: string): Promise<boolean> {
    return this.revise(id, (a) => withVerdict(a, verdict));
  }

  /** Adds a reviewer note. */
  addNote(id: string, note: string): Promise<boolean> {
    return this.revise(id, (a) => withNote(a, note));
  }

  /** Stops tracking a claim (the annotation is deleted from the store, as "Delete Annotation" does). */
  async remove(id: string): Promise<boolean> {
    for (const { store } of this.stores.values()) {
      const found = store.find(id);
      if (!found) continue;
      const ok = await this.guard(store.remove(found.article, [id]));
      if (ok) await this.refresh();
      return ok;
    }
    return false;
  }

  /** The ClaimReview settings of the first folder (rating scale, organisation, URL template). */
  settings(): ClaimReviewSettings {
    const config = vscode.workspace.getConfiguration('newsAnnotator', vscode.workspace.workspaceFolders?.[0]?.uri);
    const organization = config.get<string>('claimReview.organization')?.trim();
    const urlTemplate = config.get<string>('claimReview.urlTemplate')?.trim();
    return { ratingScale: ratingScale(), ...(organization ? { organization } : {}), ...(urlTemplate ? { urlTemplate } : {}) };
  }

  /** Writes every claim to `destination` (ClaimReview JSON or CSV); resolves to the count written and the warnings. */
  async exportTo(format: 'claimreview' | 'csv', destination: vscode.Uri): Promise<{ count: number; warnings: string[] }> {
    await this.refresh();
    const claims = this.claims();
    let text: string;
    let result: { count: number; warnings: string[] };
    if (format === 'csv') {
      text = claimsToCsv(claims);
      result = { count: claims.length, warnings: [] };
    } else {
      const { reviews, warnings } = toClaimReviews(claims, this.settings());
      text = `${JSON.stringify(reviews, null, 2)}\n`;
      result = { count: reviews.length, warnings };
    }
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
    return result;
  }

  private async revise(id: string, change: (annotation: Annotation) => Annotation): Promise<boolean> {
    for (const { store } of this.stores.values()) {
      const found = store.find(id);
      if (!found) continue;
      const ok = await this.guard(store.put(found.article, [change(found.annotation)]));
      if (ok) await this.refresh();
      return ok;
    }
    void vscode.window.showInformationMessage('News Annotator: that claim is no longer in the annotation store.');
    return false;
  }

  private async readAll(): Promise<void> {
    const located: ClaimsService['located'] = [];
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { store } = this.storeFor(folder);
      let articles: string[];
      try {
        articles = await store.loadAll();
      } catch (err) {
        this.logger.error(`could not read the claims of ${folder.name}`, err);
        continue;
      }
      for (const article of articles) {
        const claims = store.annotationsOf(article).filter(isClaim).sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
        if (claims.length === 0) continue;
        const uri = vscode.Uri.joinPath(folder.uri, ...article.split('/'));
        const text = open.get(uri.toString())?.getText() ?? (await readText(uri));
        for (const annotation of claims) {
          const target = articleTargetOf(annotation);
          const anchor = text === undefined || !target ? undefined : anchorTarget(text, target);
          located.push({ annotation, uri: uri.toString(), ...(anchor && anchor.kind !== 'orphan' ? { range: { start: anchor.start, end: anchor.end } } : {}) });
        }
      }
    }
    this.located = located;
    this.loaded = true;
    this.invalidate();
  }

  private invalidate(): void {
    this.cached = undefined;
    this.changeEmitter.fire();
  }

  private storeFor(folder: vscode.WorkspaceFolder): { folder: vscode.WorkspaceFolder; store: AnnotationStore } {
    const key = folder.uri.toString();
    let entry = this.stores.get(key);
    if (!entry) {
      const store = new AnnotationStore(new WorkspaceFsStoreHost(folder.uri));
      store.watch();
      const subscription = store.onDidChange(() => void this.refresh());
      this.disposables.push(new vscode.Disposable(() => subscription.dispose()));
      entry = { folder, store };
      this.stores.set(key, entry);
    }
    return entry;
  }

  private locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; store: AnnotationStore; article: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !uri.path.startsWith(`${folder.uri.path}/`)) return undefined;
    return { folder, store: this.storeFor(folder).store, article: uri.path.slice(folder.uri.path.length + 1) };
  }

  /** Runs a store write; a refusal (unreadable store file, lock) is shown, never thrown at VS Code. */
  private async guard(write: Promise<void>): Promise<boolean> {
    try {
      await write;
      return true;
    } catch (err) {
      const message = err instanceof StoreFileError ? err.message : `could not save the claim: ${err instanceof Error ? err.message : String(err)}`;
      void vscode.window.showErrorMessage(`News Annotator: ${message}`);
      return false;
    }
  }
}

/** The rating scale setting, or the default one. */
export function ratingScale(): string[] {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<unknown>('ratingScale');
  return Array.isArray(configured) && configured.length > 0 && configured.every((x) => typeof x === 'string') ? configured : DEFAULT_RATING_SCALE;
}

function relativePath(file: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(file), false);
  } catch {
    return file;
  }
}

/** The author, as the comments feature names it: the `newsAnnotator.author` setting, else git's user.name. */
async function authorName(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const configured = vscode.workspace.getConfiguration('newsAnnotator', folder.uri).get<string>('author')?.trim();
  if (configured) return configured;
  const config = await readText(vscode.Uri.joinPath(folder.uri, '.git', 'config'));
  return config === undefined ? undefined : gitUserName(config);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
