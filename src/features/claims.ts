import * as vscode from 'vscode';
import { registerCheckWorthyLens } from './checkWorthyLens';
import { registerClaimCommands } from './claimCommands';
import { registerClaimHover } from './claimHover';
import { ClaimsService, type ClaimsIndexSource } from './claimsService';
import { registerClaimsView } from './claimsView';
import type { ParsedDocuments } from './parsedDocuments';
import type { WorkspaceIndex } from '../core/index';
import type { Logger } from '../core/logger';

/** What the fact-checker's workbench needs: the workspace index (service) and the shared parse cache. */
export interface ClaimsDeps {
  readonly indexService: ClaimsIndexSource & { readonly index: WorkspaceIndex };
  readonly parsedDocuments: ParsedDocuments;
  /** Where a store that cannot be read is recorded (the extension's log channel). */
  readonly logger?: Logger;
}

/** The fact-checker's workbench: claims (a service over the annotation store), the Claims view, the commands, the hover and the check-worthy CodeLens. */
export function registerClaims(deps: ClaimsDeps): vscode.Disposable {
  const claims = new ClaimsService(deps.indexService, deps.logger);
  return vscode.Disposable.from(
    claims,
    registerClaimsView(claims),
    registerClaimCommands(claims, deps.indexService.index),
    registerClaimHover(claims),
    registerCheckWorthyLens(deps.parsedDocuments, claims),
  );
}
