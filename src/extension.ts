import * as vscode from 'vscode';
import { registerAnnotationsView } from './features/annotationsView';
import { registerArticlesView } from './features/articlesView';
import { registerEntitiesView } from './features/entitiesView';
import { registerOpenMentionCommand, WorkspaceNewsViewModel } from './features/newsViewModel';
import { registerQuotesView } from './features/quotesView';
import { registerNewsStatusBar } from './features/statusBar';
import { registerWorkspaceIndexService } from './features/workspaceIndexService';
import { registerEntityHover } from './features/entityHover';
import { registerEntityNavigation } from './features/entityNavigation';

/**
 * Wires the services and the feature registrations. Nothing here does work beyond registering:
 * indexing starts after activation.
 */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.Disposable.from());

  // News sidebar: four views and the status bar over one view model; the first scan runs after activation.
  const newsViewModel = new WorkspaceNewsViewModel(context.extensionUri);
  context.subscriptions.push(
    newsViewModel,
    registerOpenMentionCommand(),
    registerArticlesView(newsViewModel, context.extensionUri),
    registerEntitiesView(newsViewModel),
    registerQuotesView(newsViewModel),
    registerAnnotationsView(newsViewModel),
    registerNewsStatusBar(newsViewModel),
  );
  setTimeout(() => void newsViewModel.refresh(), 0);

  // Cross-file index: hover cards and navigation over one workspace index, built in the background.
  const workspaceIndexService = registerWorkspaceIndexService(context);
  context.subscriptions.push(
    workspaceIndexService,
    registerEntityHover({ index: workspaceIndexService.index }),
    registerEntityNavigation(workspaceIndexService.index),
  );
}

export function deactivate(): void {}
