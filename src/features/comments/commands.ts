/** The commands of the comments feature: on comments and threads, corrections, and internal ones for tests. */
import * as vscode from 'vscode';
import { type Motivation, normalizeTags, tagsOf, textOf } from '../../core/annotations';
import type { AnnotationComments } from './annotationComments';
import { AnnotationComment, hashTags } from './threads';

/** Registers the commands that act on annotations through `comments`. */
export function registerCommentCommands(comments: AnnotationComments): vscode.Disposable[] {
  const commentOf = (arg: unknown) => (arg instanceof AnnotationComment ? arg : undefined);
  const register = vscode.commands.registerCommand;
  return [
    register('newsAnnotator.createAnnotation', (reply: vscode.CommentReply) => comments.submit(reply, 'commenting')),
    register('newsAnnotator.createQuestion', (reply: vscode.CommentReply) => comments.submit(reply, 'questioning')),
    register('newsAnnotator.createAssessment', (reply: vscode.CommentReply) => comments.submit(reply, 'assessing')),
    register('newsAnnotator.replyAnnotation', (reply: vscode.CommentReply) => comments.submit(reply, 'replying')),
    register('newsAnnotator.editAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      comment.mode = vscode.CommentMode.Editing;
      comments.threads.refreshComment(comment);
    }),
    register('newsAnnotator.saveAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return undefined;
      const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
      comment.mode = vscode.CommentMode.Preview;
      return comments.revise(comment, (current) => ({
        body: [
          ...(text ? [{ type: 'TextualBody' as const, value: text, purpose: current.motivation === 'questioning' ? 'questioning' as const : current.motivation === 'replying' ? 'replying' as const : 'commenting' as const, format: 'text/plain' as const }] : []),
          ...current.body.filter((b) => b.purpose === 'assessing' || b.purpose === 'classifying' || b.purpose === 'editing' || b.purpose === 'identifying'),
          ...normalizeTags([...tagsOf(current), ...hashTags(text)]).map((value) => ({ type: 'TextualBody' as const, value, purpose: 'tagging' as const })),
        ],
      }));
    }),
    register('newsAnnotator.cancelEditAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      comment.body = textOf(comment.annotation);
      comment.mode = vscode.CommentMode.Preview;
      comments.threads.refreshComment(comment);
    }),
    register('newsAnnotator.setAnnotationTags', async (arg: unknown) => {
      const comment = commentOf(arg);
      if (!comment) return;
      const input = await vscode.window.showInputBox({ title: 'Tags', prompt: 'Separated by spaces or commas (#verify #claim #source, or your own)', value: tagsOf(comment.annotation).map((t) => `#${t}`).join(' ') });
      if (input === undefined) return;
      const tags = normalizeTags(input.split(/[\s,]+/));
      await comments.revise(comment, (current) => ({ body: [...current.body.filter((b) => b.purpose !== 'tagging'), ...tags.map((value) => ({ type: 'TextualBody' as const, value, purpose: 'tagging' as const }))] }));
    }),
    register('newsAnnotator.deleteAnnotation', (arg: unknown) => {
      const comment = commentOf(arg);
      return comment ? comments.remove(comment) : undefined;
    }),
    register('newsAnnotator.resolveAnnotation', (thread: vscode.CommentThread) => comments.setStatus(thread, 'resolved')),
    register('newsAnnotator.reopenAnnotation', (thread: vscode.CommentThread) => comments.setStatus(thread, 'open')),
    register('newsAnnotator.reattachAnnotation', (arg?: vscode.CommentThread | string) => comments.reattach(typeof arg === 'string' || (arg && 'comments' in arg) ? arg : undefined)),
    register('newsAnnotator.markAsPerson', () => comments.correct({ kind: 'setType', entityType: 'Person' })),
    register('newsAnnotator.markAsOrganization', () => comments.correct({ kind: 'setType', entityType: 'Organization' })),
    register('newsAnnotator.markAsPlace', () => comments.correct({ kind: 'setType', entityType: 'Place' })),
    register('newsAnnotator.markNotAnEntity', () => comments.correct({ kind: 'notAnEntity' })),
    register('newsAnnotator.mergeEntityWith', async () => {
      const canonicalName = (await vscode.window.showInputBox({ title: 'Merge with…', prompt: 'The name of the entity this mention is (for example Meng Wanzhou)' }))?.trim();
      if (canonicalName) await comments.correct({ kind: 'mergeWith', canonicalName });
    }),
    register('newsAnnotator.splitEntity', async () => {
      const newName = await vscode.window.showInputBox({ title: 'Split', prompt: 'Optional: a name for the separate entity this mention is' });
      if (newName !== undefined) await comments.correct({ kind: 'split', ...(newName.trim() ? { newName: newName.trim() } : {}) });
    }),
    register('newsAnnotator.setOutlet', async () => {
      const outlet = (await vscode.window.showInputBox({ title: 'Set outlet', prompt: 'The outlet that published this article' }))?.trim();
      if (outlet) await comments.correct({ kind: 'setOutlet', outlet });
    }),
    // Internal (hidden from the palette): the integration tests drive the feature through these.
    register('newsAnnotator.annotateRange', async (uri: string, start: number, end: number, text: string, motivation: Motivation = 'commenting', verdict?: string) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      return (await comments.annotate(document, start, end, text, motivation, verdict))?.id;
    }),
    register('newsAnnotator.annotationThread', (uri: string, id: string) => comments.threads.threadOf(uri, id)),
    register('newsAnnotator.annotationAnchors', (uri: string) => comments.anchorsOf(uri)),
    register('newsAnnotator.reloadAnnotations', () => comments.reload()),
  ];
}
