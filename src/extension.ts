import * as vscode from 'vscode';
import { registerAnnotationsView } from './features/annotationsView';
import { registerArticlesView } from './features/articlesView';
import { registerComments } from './features/comments';
import { registerEntitiesView } from './features/entitiesView';
import { IndexNewsViewModel, registerOpenMentionCommand } from './features/newsViewModel';
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

  // Cross-file index: hover cards and navigation over one workspace index, built in the background.
  const workspaceIndexService = registerWorkspaceIndexService(context);
  context.subscriptions.push(
    workspaceIndexService,
    registerEntityNavigation(workspaceIndexService.index),
  );

  // News sidebar: four views and the status bar over the workspace index (its service shows the
  // indexing progress, so the status bar shows only the current article).
  const newsViewModel = new IndexNewsViewModel(workspaceIndexService);
  // The hover counts annotations on an entity's mentions through the view model.
  context.subscriptions.push(registerEntityHover({ index: workspaceIndexService.index, annotations: newsViewModel }));
  context.subscriptions.push(
    newsViewModel,
    registerOpenMentionCommand(),
    registerArticlesView(newsViewModel, context.extensionUri),
    registerEntitiesView(newsViewModel),
    registerQuotesView(newsViewModel),
    registerAnnotationsView(newsViewModel),
    registerComments(context, { newsViewModel }),
    registerNewsStatusBar(newsViewModel, { showProgress: false }),
  );
}

export function deactivate(): void {}
