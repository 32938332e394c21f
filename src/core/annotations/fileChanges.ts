/**
 * Re-anchors the annotations of an article whose file changed outside the editor (a `git pull`,
 * another program): the change is read as the one edit between the common start and end of the old
 * and new text, anchors outside it move with it, anchors it touched are found again.
 */
import { type AnchorResult, anchorQuote, anchorTarget } from './anchoring';
import { type TextEdit, moveRangeThroughEdits } from './editTracking';
import { type ArticleTarget, quoteSelectorOf } from './model';

/**
 * The single edit that turns `before` into `after`: what lies between their longest common prefix
 * and their longest common suffix (which do not overlap). Undefined when the texts are equal.
 */
export function changeBetween(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Keep surrogate pairs whole, so the edit never splits a character.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { offset: prefix, deletedLength: before.length - prefix - suffix, insertedText: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An annotation to re-anchor: its id and its stored target. */
export interface AnchoredTarget {
  readonly id: string;
  readonly target: ArticleTarget;
}

/** Where an annotation was in the previous text, and the target it was anchored from. */
export interface PreviousAnchor {
  readonly target: ArticleTarget;
  readonly result: AnchorResult;
}

/**
 * Where each annotation of an article is once its text went from `previousText` to `text` outside
 * the editor. An anchor the change did not touch moves by it (same kind, same passage); one it
 * touched is looked for by its stored quote near where the change left it, and failing that from
 * its stored selectors, as on a first read (fuzzy or an orphan, never a look-alike); an annotation with no previous
 * anchor, a target changed since (edited or re-attached elsewhere), unchanged text or no previous
 * text (the file was missing) is anchored from its stored selectors. A whole-article target covers
 * the new text.
 */
export function reanchorChangedText(
  previousText: string | undefined,
  text: string,
  targets: readonly AnchoredTarget[],
  previous: ReadonlyMap<string, PreviousAnchor>,
): Map<string, AnchorResult> {
  const edit = previousText === undefined ? undefined : changeBetween(previousText, text);
  const results = new Map<string, AnchorResult>();
  for (const { id, target } of targets) {
    const known = previous.get(id);
    const before = known && sameTarget(known.target, target) ? known.result : undefined;
    if (!edit || !target.selector || target.selector.length === 0 || !before || before.kind === 'orphan') {
      results.set(id, anchorTarget(text, target));
      continue;
    }
    const moved = moveRangeThroughEdits(before, [edit]);
    if (!moved.touched) {
      results.set(id, { ...before, start: moved.start, end: moved.end });
      continue;
    }
    // The stored quote, looked for first where the change left the passage: the kind (exact or
    // fuzzy) keeps saying how the passage compares with what was annotated.
    const quote = quoteSelectorOf(target);
    const near = quote && quote.exact !== '' ? anchorQuote(text, quote, moved.start) : undefined;
    results.set(id, near && near.kind !== 'orphan' ? near : anchorTarget(text, target));
  }
  return results;
}

function sameTarget(a: ArticleTarget, b: ArticleTarget): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
