/**
 * Anchors of an article while the editor shows it, and of an article that is closed: the
 * vscode-free half of the comments feature. An open document's anchors follow its edits keystroke
 * by keystroke; on save, the anchors that moved are written back as fresh selectors; a closed
 * article is re-anchored from the text last seen when its file changes on disk.
 */
import { type AnchorResult, anchorTarget } from './anchoring';
import { type TextEdit, reanchorAfterEdits } from './editTracking';
import { reanchorChangedText } from './fileChanges';
import { type Annotation, type ArticleTarget, type TextQuoteSelector, articleTargetOf, laterStamp, selectorsFor } from './model';

/** Where an annotation is in an open document, and the quote that describes the text there now. */
export interface LiveAnchor {
  readonly result: AnchorResult;
  /** Selector of the current text at the anchor (moves with edits); undefined for an orphan. */
  readonly quote?: TextQuoteSelector;
  /** The stored target it was computed from: a different one (changed elsewhere) means re-anchor. */
  readonly targetKey: string;
}

/** An anchor of a closed article: the target it was computed from and where it landed. */
export interface ClosedAnchor {
  readonly target: ArticleTarget;
  readonly result: AnchorResult;
}

/** One change of an editor event, in the editor's terms (offset and length in the old text). */
export interface ContentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** The anchor of `result` in `text`, with the quote of the text it covers now. */
export function liveAnchor(text: string, result: AnchorResult, targetKey: string): LiveAnchor {
  if (result.kind === 'orphan') return { result, targetKey };
  return { result, targetKey, quote: selectorsFor(text, result.start, result.end)[0] };
}

/** The key that tells whether a stored target changed since an anchor was computed from it. */
export function targetKeyOf(target: ArticleTarget): string {
  return JSON.stringify(target);
}

/**
 * Brings `anchors` up to date with the annotations of an open document: an annotation whose stored
 * target did not change keeps its live anchor (which followed the edits); any other is anchored anew.
 */
export function anchorOpenArticle(text: string, annotations: readonly Annotation[], anchors: Map<string, LiveAnchor>): void {
  for (const annotation of annotations) {
    const target = articleTargetOf(annotation);
    if (!target) continue;
    const targetKey = targetKeyOf(target);
    if (anchors.get(annotation.id)?.targetKey === targetKey) continue;
    anchors.set(annotation.id, liveAnchor(text, anchorTarget(text, target), targetKey));
  }
}

/**
 * The edits of one editor event, in the order `moveRangeThroughEdits` wants: changes of one event do
 * not overlap, so applied from the last to the first each offset holds.
 */
export function editsOf(changes: readonly ContentChange[]): TextEdit[] {
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => ({ offset: c.rangeOffset, deletedLength: c.rangeLength, insertedText: c.text }));
}

/** An anchor moved by {@link followEdits}: what it was and what it is now. */
export interface FollowedAnchor {
  readonly id: string;
  readonly before: AnchorResult;
  readonly after: AnchorResult;
}

/**
 * Moves the passage anchors of `anchors` through `edits` (which turned the text into `text`), in
 * place, and lists those it moved. Whole-article anchors and orphans stay as they are.
 */
export function followEdits(anchors: Map<string, LiveAnchor>, edits: readonly TextEdit[], text: string): FollowedAnchor[] {
  const followed: FollowedAnchor[] = [];
  for (const [id, anchor] of anchors) {
    if (anchor.result.kind === 'orphan' || !anchor.quote || !anchor.targetKey.includes('"selector"')) continue;
    const result = reanchorAfterEdits(anchor.result, anchor.quote, edits, text);
    anchors.set(id, liveAnchor(text, result, anchor.targetKey));
    followed.push({ id, before: anchor.result, after: result });
  }
  return followed;
}

/**
 * The annotations whose passage moved in the saved `text`, revised with selectors that describe it,
 * and `anchors` updated to the revised targets (so they are not anchored again from scratch).
 */
export function movedAnnotations(text: string, annotations: readonly Annotation[], anchors: Map<string, LiveAnchor>): Annotation[] {
  const moved: Annotation[] = [];
  for (const annotation of annotations) {
    const target = articleTargetOf(annotation);
    const anchor = anchors.get(annotation.id);
    if (!target?.selector || !anchor || anchor.result.kind === 'orphan') continue;
    const selector = selectorsFor(text, anchor.result.start, anchor.result.end);
    if (JSON.stringify(selector) === JSON.stringify(target.selector)) continue;
    // One millisecond newer: enough to replace the stale selectors, while any real edit made
    // elsewhere since (stamped with its own time) still wins over following the text.
    const revised: Annotation = { ...annotation, modified: laterStamp(annotation.modified, new Date(0)), target: { source: target.source, selector } };
    anchors.set(annotation.id, { ...anchor, targetKey: targetKeyOf(revised.target as ArticleTarget) });
    moved.push(revised);
  }
  return moved;
}

/**
 * Anchors of a closed article whose file now reads `text` (undefined: it could not be read, so every
 * annotation is an orphan). From `previousText` and the `previous` anchors, so a change on disk (a
 * pull) moves the anchors it did not touch instead of searching for them again.
 */
export function anchorClosedArticle(
  previousText: string | undefined,
  text: string | undefined,
  annotations: readonly Annotation[],
  previous: ReadonlyMap<string, ClosedAnchor>,
): Map<string, ClosedAnchor> {
  const targets = annotations.flatMap((annotation) => {
    const target = articleTargetOf(annotation);
    return target ? [{ id: annotation.id, target }] : [];
  });
  const results = text === undefined
    ? new Map<string, AnchorResult>(targets.map(({ id }) => [id, { kind: 'orphan', reason: 'not-found' }]))
    : reanchorChangedText(previousText, text, targets, previous);
  return new Map(targets.map(({ id, target }) => [id, { target, result: results.get(id) as AnchorResult }]));
}
