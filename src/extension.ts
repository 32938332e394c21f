import * as vscode from 'vscode';

/**
 * Wires the services and the feature registrations. Nothing here does work beyond registering:
 * indexing starts after activation.
 */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.Disposable.from());
}

export function deactivate(): void {}
