/**
 * The comment threads shown in the editor: one per root annotation, filled with its replies, kept in
 * step with the store by `sync` (created, moved, refilled, disposed).
 */
import * as vscode from 'vscode';
import { type AnchorResult, type Annotation, type ArticleTarget, articleTargetOf, normalizeTags, quoteSelectorOf, tagsOf, textOf, verdictOf } from '../../core/annotations';
import { correctionsOf } from '../../core/corrections';
import type { LiveAnchor } from '../../core/annotations/liveAnchors';
import { shorten } from '../labels';

/** Id of the comment controller (menus test it in `commentController == ...`). */
export const COMMENT_CONTROLLER_ID = 'newsAnnotator.comments';

/** One comment of a thread: an annotation (the root or a reply). */
export class AnnotationComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  constructor(
    readonly annotation: Annotation,
    public body: string | vscode.MarkdownString,
    readonly author: vscode.CommentAuthorInformation,
    readonly label: string | undefined,
    readonly timestamp: Date,
    readonly contextValue: string,
  ) {}
}

/** A root annotation with its replies, as `threadsOf` groups them. */
export interface ThreadContent {
  readonly root: Annotation;
  readonly replies: readonly Annotation[];
}

/** The threads of open documents, by document URI then root annotation id. */
export class CommentThreads implements vscode.Disposable {
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly threadIds = new WeakMap<vscode.CommentThread, { uri: string; id: string }>();

  constructor(private readonly controller: vscode.CommentController) {}

  /**
   * Brings the threads of `document` in line with `grouped` at `anchors`; returns the ids of the
   * threads it disposed (their annotations are gone), so their anchors can be dropped too.
   */
  sync(document: vscode.TextDocument, grouped: readonly ThreadContent[], anchors: ReadonlyMap<string, LiveAnchor>): string[] {
    const uri = document.uri.toString();
    const threads = this.threads.get(uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(uri, threads);
    const seen = new Set<string>();
    for (const { root, replies } of grouped) {
      const anchor = anchors.get(root.id);
      if (!anchor) continue;
      seen.add(root.id);
      let thread = threads.get(root.id);
      const wholeArticle = !articleTargetOf(root)?.selector;
      const range = wholeArticle ? new vscode.Range(0, 0, 0, 0) : rangeOf(document, anchor.result);
      if (!thread) {
        thread = this.controller.createCommentThread(document.uri, range, []);
        threads.set(root.id, thread);
        this.threadIds.set(thread, { uri, id: root.id });
      } else if (!thread.range || !thread.range.isEqual(range)) {
        thread.range = range;
      }
      fillThread(thread, root, replies, anchor.result);
    }
    const dropped: string[] = [];
    for (const [id, thread] of threads) {
      if (!seen.has(id)) {
        thread.dispose();
        threads.delete(id);
        dropped.push(id);
      }
    }
    return dropped;
  }

  /** Moves a thread to where its anchor is now (while the document is edited). */
  move(document: vscode.TextDocument, id: string, result: AnchorResult): boolean {
    const thread = this.threads.get(document.uri.toString())?.get(id);
    if (!thread) return false;
    thread.range = rangeOf(document, result);
    return true;
  }

  /** The document and root annotation of a thread this feature made (undefined for a draft). */
  idsOf(thread: vscode.CommentThread): { uri: string; id: string } | undefined {
    return this.threadIds.get(thread);
  }

  /** The live comment thread of a root annotation in an open article. */
  threadOf(uri: string, id: string): vscode.CommentThread | undefined {
    return this.threads.get(uri)?.get(id);
  }

  /** Shows a comment's new mode or body (VS Code reads a thread's comments by value). */
  refreshComment(comment: AnnotationComment): void {
    for (const map of this.threads.values()) {
      for (const thread of map.values()) if (thread.comments.includes(comment)) thread.comments = [...thread.comments];
    }
  }

  /** Disposes the threads of a closed document. */
  forget(uri: string): void {
    for (const thread of this.threads.get(uri)?.values() ?? []) thread.dispose();
    this.threads.delete(uri);
  }

  dispose(): void {
    for (const map of this.threads.values()) for (const thread of map.values()) thread.dispose();
    this.threads.clear();
  }
}

function fillThread(thread: vscode.CommentThread, root: Annotation, replies: readonly Annotation[], anchor: AnchorResult): void {
  const editing = new Set(thread.comments.filter((c) => c.mode === vscode.CommentMode.Editing).map((c) => (c as AnnotationComment).annotation.id));
  thread.comments = [root, ...replies].map((a) => {
    const comment = toComment(a, a === root ? 'root' : 'reply');
    if (editing.has(a.id)) comment.mode = vscode.CommentMode.Editing;
    return comment;
  });
  const resolved = root.status === 'resolved';
  const orphaned = anchor.kind === 'orphan';
  thread.state = resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
  thread.contextValue = `${resolved ? 'resolved' : 'open'}${orphaned ? '-orphaned' : ''}`;
  thread.label = orphaned
    ? `Orphaned: “${shorten(quoteSelectorOf(articleTargetOf(root) as ArticleTarget)?.exact ?? '')}” is no longer in the text (Re-attach to a selection)`
    : `${motivationLabel(root)}${anchor.kind === 'fuzzy' ? ' · passage changed since annotated' : ''}`;
  thread.canReply = true;
}

function rangeOf(document: vscode.TextDocument, result: AnchorResult): vscode.Range {
  if (result.kind === 'orphan') return new vscode.Range(0, 0, 0, 0);
  return new vscode.Range(document.positionAt(result.start), document.positionAt(result.end));
}

function toComment(annotation: Annotation, role: 'root' | 'reply'): AnnotationComment {
  const tags = tagsOf(annotation);
  const verdict = verdictOf(annotation);
  const label = [verdict ? `Verdict: ${verdict}` : undefined, tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : undefined, annotation.modified !== annotation.created ? 'edited' : undefined]
    .filter(Boolean).join(' · ') || undefined;
  return new AnnotationComment(
    annotation,
    textOf(annotation) || correctionText(annotation),
    { name: annotation.creator?.name ?? 'Unknown' },
    label,
    new Date(annotation.created),
    `${role}${annotation.motivation === 'replying' ? '' : `-${annotation.motivation}`}`,
  );
}

/** What a correction says, for its comment (it has no text of its own). */
function correctionText(annotation: Annotation): string {
  const [correction] = correctionsOf([{ ...annotation, status: 'open' }]);
  if (!correction) return '';
  switch (correction.kind) {
    case 'setType': return `Marked as ${correction.entityType.toLowerCase()}`;
    case 'notAnEntity': return correction.scope === 'workspace' ? 'Not an entity (in every article)' : 'Not an entity (in this article)';
    case 'mergeWith': return `Same entity as ${correction.canonicalName}`;
    case 'split': return correction.newName ? `A different entity: ${correction.newName}` : 'A different entity from the others of this name';
    case 'setOutlet': return `Outlet: ${correction.outlet}`;
  }
}

function motivationLabel(annotation: Annotation): string {
  switch (annotation.motivation) {
    case 'questioning': return 'Question';
    case 'assessing': return `Assessment${verdictOf(annotation) ? `: ${verdictOf(annotation)}` : ''}`;
    case 'tagging': return 'Tags';
    case 'classifying':
    case 'editing': return 'Correction';
    default: return 'Comment';
  }
}

/** The `#tags` written in a comment's text. */
export function hashTags(text: string): string[] {
  return normalizeTags([...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1] as string));
}

