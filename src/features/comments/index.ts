/**
 * Annotations in the editor. `annotationComments.ts` holds the stores and actions, `threads.ts` the
 * comment threads, `liveAnchors.ts` keeps anchors current (edits, saves, changes on disk),
 * `commands.ts` and `exchange.ts` register the commands, `author.ts` says who writes.
 */
import * as vscode from 'vscode';
import type { CorrectionRequest } from '../../core/corrections';
import { AnnotationComments } from './annotationComments';
import { registerCommentCommands } from './commands';
import type { CommentsDeps, CommentsRegistration, CorrectionPlace } from './deps';
import { registerExchangeCommands } from './exchange';

export type { CommentsDeps, CommentsRegistration, CorrectionPlace, CorrectionRecorder, StoredCorrection } from './deps';
export { COMMENT_CONTROLLER_ID } from './threads';
export { gitUserName } from './author';

/** Registers the comments feature and its commands. */
export function registerComments(_context: vscode.ExtensionContext, deps: CommentsDeps = {}): CommentsRegistration {
  const comments = new AnnotationComments(deps);
  const disposables: vscode.Disposable[] = [comments, ...registerCommentCommands(comments), ...registerExchangeCommands(comments)];
  if (deps.newsViewModel) disposables.push(deps.newsViewModel.setAnnotationSource(comments));
  void comments.loadAll().catch((err: unknown) => {
    void vscode.window.showErrorMessage(`News Annotator: could not read the annotations: ${err instanceof Error ? err.message : String(err)}`);
  });
  const registration = vscode.Disposable.from(...disposables);
  return Object.assign(registration, {
    corrections: { correctAt: (request: CorrectionRequest, places: readonly CorrectionPlace[]) => comments.correctAt(request, places) },
    followDiskChange: (uri: vscode.Uri) => comments.followDiskChange(uri),
  });
}
