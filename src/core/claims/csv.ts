/**
 * Claims as CSV (RFC 4180, CRLF rows), one row per claim. Every cell is neutralised against formula
 * injection: a spreadsheet runs a cell that opens with `=`, `+`, `-`, `@` (or a tab or carriage
 * return before one), and an article's text or a note can open that way.
 */
import { csvCell } from '../annotations/interchange';
import { CLAIM_STATUS_LABELS } from './model';
import type { Claim } from './claims';

const COLUMNS = ['claim', 'claimant', 'claimant_type', 'status', 'verdict', 'claim_date', 'first_appearance', 'appearances', 'outlets', 'notes', 'reviewer', 'modified', 'id'];

/** The claims as CSV text. */
export function claimsToCsv(claims: readonly Claim[]): string {
  const rows: string[][] = [COLUMNS];
  for (const claim of claims) {
    rows.push([
      claim.text,
      claim.claimant?.name ?? '',
      claim.claimant?.type ?? '',
      CLAIM_STATUS_LABELS[claim.status],
      claim.verdict ?? '',
      claim.date ?? '',
      claim.firstAppearance?.source ?? '',
      claim.appearances.map((a) => a.source).join('; '),
      [...new Set(claim.appearances.map((a) => a.outlet).filter((o): o is string => o !== null))].join('; '),
      claim.notes.join(' | '),
      claim.annotation.creator?.name ?? '',
      claim.annotation.modified,
      claim.annotation.id,
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
