/** The comments feature's contract with the rest of the extension. */
import type * as vscode from 'vscode';
import type { Correction, CorrectionRequest } from '../../core/corrections';
import type { Logger } from '../../core/logger';
import type { NewsAnnotationSource } from '../newsViewModel';

/** What the comments feature needs from the rest of the extension. */
export interface CommentsDeps {
  /** The sidebar's view model, which lists the annotations (optional). */
  readonly newsViewModel?: { setAnnotationSource(source: NewsAnnotationSource): vscode.Disposable };
  /** The cross-file index, which applies the corrections stored as annotations (optional). */
  readonly corrections?: { applyAnnotationCorrections(corrections: readonly Correction[]): void };
  /** Where a refused store write is recorded besides the message shown (the extension's log channel). */
  readonly logger?: Logger;
}

/** Where a correction made from the sidebar goes: an article (URI string) and, for a mention, its range. */
export interface CorrectionPlace {
  readonly uri: string;
  readonly start?: number;
  readonly end?: number;
}

/** A correction stored from the sidebar: the article's URI string and the annotation's id. */
export interface StoredCorrection {
  readonly uri: string;
  readonly id: string;
}

/** Records corrections made outside an editor (the sidebar's context menus). */
export interface CorrectionRecorder {
  correctAt(request: CorrectionRequest, places: readonly CorrectionPlace[]): Promise<StoredCorrection[]>;
}

/** The comments feature's registration; `corrections` lets the sidebar record corrections through it. */
export interface CommentsRegistration extends vscode.Disposable {
  readonly corrections: CorrectionRecorder;
  /** Re-anchors the annotations of an article that changed on disk (the article file watcher calls it). */
  followDiskChange(uri: vscode.Uri): Promise<void>;
}
