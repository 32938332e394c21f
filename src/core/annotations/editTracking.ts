/**
 * Moves anchors through edits made in an editor, so an annotation follows its passage while the
 * document is being typed in; an anchor an edit touched is re-evaluated against the new text.
 */
import { type AnchorResult, anchorQuote } from './anchoring';
import type { TextQuoteSelector } from './model';

/** One edit: `deletedLength` characters at `offset` replaced by `insertedText`. */
export interface TextEdit {
  readonly offset: number;
  readonly deletedLength: number;
  readonly insertedText: string;
}

/** A range moved through edits; `touched` when an edit overlapped it (its text may have changed). */
export interface MovedRange {
  readonly start: number;
  readonly end: number;
  readonly touched: boolean;
}

/**
 * Moves `[start, end)` through `edits`, applied one after the other (each offset refers to the text
 * after the previous edits). An insertion at either boundary stays outside the range; an edit
 * overlapping the range marks it touched and the range grows to cover what replaced the overlap.
 */
export function moveRangeThroughEdits(range: { start: number; end: number }, edits: readonly TextEdit[]): MovedRange {
  let { start, end } = range;
  let touched = false;
  for (const edit of edits) {
    const editStart = edit.offset;
    const editEnd = edit.offset + edit.deletedLength;
    const delta = edit.insertedText.length - edit.deletedLength;
    if (editEnd <= start) {
      start += delta;
      end += delta;
    } else if (editStart >= end) {
      continue;
    } else {
      touched = true;
      const newStart = Math.min(start, editStart);
      const newEnd = end > editEnd ? end + delta : editStart + edit.insertedText.length;
      start = newStart;
      end = Math.max(newStart, newEnd);
    }
  }
  return { start, end, touched };
}

/**
 * Where an anchor is after `edits` turned the text into `newText`: moved exactly when no edit touched
 * it and it still holds its quote; otherwise re-anchored from the quote near the moved position
 * (fuzzy, or an orphan — never a look-alike elsewhere).
 */
export function reanchorAfterEdits(anchor: { start: number; end: number }, quote: TextQuoteSelector, edits: readonly TextEdit[], newText: string): AnchorResult {
  const moved = moveRangeThroughEdits(anchor, edits);
  if (!moved.touched && newText.slice(moved.start, moved.end) === quote.exact) {
    return { kind: 'exact', start: moved.start, end: moved.end, method: 'position' };
  }
  return anchorQuote(newText, quote, moved.start);
}
