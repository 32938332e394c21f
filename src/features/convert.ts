import * as vscode from 'vscode';
import type { Span } from '../core/types';

/**
 * Conversions between core values (UTF-16 offsets into a document's text) and VS Code values
 * (positions, ranges). The only place where the two meet.
 */

/** The range of `span` in `document`. */
export function spanToRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The offsets of `range` in `document`. */
export function rangeToSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/**
 * Line numbers of `span` for line-based features (folding): the last line is the one holding the last
 * character, so a span ending just after a line break does not reach into the next line.
 */
export function spanToLines(document: vscode.TextDocument, span: Span): { startLine: number; endLine: number } {
  const startLine = document.positionAt(span.start).line;
  const endLine = document.positionAt(Math.max(span.start, span.end - 1)).line;
  return { startLine, endLine };
}

/** `span` cut into one range per line (semantic tokens may not span lines); empty pieces are left out. */
export function spanToLineRanges(document: vscode.TextDocument, span: Span): vscode.Range[] {
  const { startLine, endLine } = spanToLines(document, span);
  const ranges: vscode.Range[] = [];
  for (let line = startLine; line <= endLine; line++) {
    const lineRange = document.lineAt(line).range;
    const start = Math.max(span.start, document.offsetAt(lineRange.start));
    const end = Math.min(span.end, document.offsetAt(lineRange.end));
    if (end > start) ranges.push(new vscode.Range(document.positionAt(start), document.positionAt(end)));
  }
  return ranges;
}
