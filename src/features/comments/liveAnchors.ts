/**
 * Where annotations are in their articles, kept current: an open document's anchors follow its
 * edits and are written back on save (moved passages); a closed article's anchors are recomputed
 * from its file when it changes on disk. The computing is in `core/annotations/liveAnchors.ts`;
 * this file feeds it VS Code's events and files.
 */
import * as vscode from 'vscode';
import type { AnchorResult, Annotation } from '../../core/annotations';
import {
  type ClosedAnchor, type LiveAnchor, anchorClosedArticle, anchorOpenArticle, editsOf, followEdits, movedAnnotations,
} from '../../core/annotations/liveAnchors';
import type { CommentThreads } from './threads';

/** The anchors of every article with annotations, open (live) or closed (from the file). */
export class ArticleAnchors {
  /** By document URI, then annotation id. */
  private readonly open = new Map<string, Map<string, LiveAnchor>>();
  /** Anchors of articles that are not open, computed from the file on disk, for the sidebar. */
  private readonly closed = new Map<string, Map<string, ClosedAnchor>>();
  /** The text those anchors were computed on (undefined: the file could not be read). */
  private readonly closedTexts = new Map<string, string | undefined>();

  /** Anchors the annotations of an open document (those already live keep following its edits). */
  anchorOpen(document: vscode.TextDocument, annotations: readonly Annotation[]): ReadonlyMap<string, LiveAnchor> {
    const uri = document.uri.toString();
    const anchors = this.open.get(uri) ?? new Map<string, LiveAnchor>();
    this.open.set(uri, anchors);
    anchorOpenArticle(document.getText(), annotations, anchors);
    return anchors;
  }

  /** Forgets the live anchors of annotations whose threads are gone. */
  drop(uri: string, ids: readonly string[]): void {
    const anchors = this.open.get(uri);
    for (const id of ids) anchors?.delete(id);
  }

  /** Forgets the live anchors of a closed document. */
  forgetOpen(uri: string): void {
    this.open.delete(uri);
  }

  /**
   * Moves the anchors of a document through its edits and its threads with them; `rerender` is
   * called when an anchor changed kind (became fuzzy or an orphan), so its thread's label follows.
   */
  follow(event: vscode.TextDocumentChangeEvent, threads: CommentThreads, rerender: (document: vscode.TextDocument) => void): void {
    const anchors = this.open.get(event.document.uri.toString());
    if (!anchors || event.contentChanges.length === 0) return;
    for (const { id, before, after } of followEdits(anchors, editsOf(event.contentChanges), event.document.getText())) {
      if (threads.move(event.document, id, after) && (after.kind === 'orphan' || before.kind !== after.kind)) rerender(event.document);
    }
  }

  /** On save: the annotations whose passage moved, with selectors that describe the saved text. */
  moved(document: vscode.TextDocument, annotations: readonly Annotation[]): Annotation[] {
    const anchors = this.open.get(document.uri.toString());
    return anchors ? movedAnnotations(document.getText(), annotations, anchors) : [];
  }

  /** Re-anchors the annotations of an article that is not open, from its file on disk. */
  async anchorClosed(uri: vscode.Uri, annotations: readonly Annotation[]): Promise<void> {
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    const key = uri.toString();
    this.closed.set(key, anchorClosedArticle(this.closedTexts.get(key), text, annotations, this.closed.get(key) ?? new Map()));
    this.closedTexts.set(key, text);
  }

  /** Where an annotation is: live when its article is open, else from the file. */
  resultOf(uri: string, id: string): AnchorResult | undefined {
    return this.open.get(uri)?.get(id)?.result ?? this.closed.get(uri)?.get(id)?.result;
  }

  /** Live anchors of a document, for the integration tests (internal command). */
  anchorsOf(uri: string): { id: string; kind: string; start?: number; end?: number }[] {
    return [...(this.open.get(uri) ?? new Map<string, LiveAnchor>())].map(([id, a]) => ({
      id, kind: a.result.kind, ...(a.result.kind === 'orphan' ? {} : { start: a.result.start, end: a.result.end }),
    }));
  }

  clear(): void {
    this.open.clear();
    this.closed.clear();
    this.closedTexts.clear();
  }
}
