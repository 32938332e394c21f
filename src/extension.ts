import * as vscode from 'vscode';
import { registerAnnotationsView } from './features/annotationsView';
import { registerArticlesView } from './features/articlesView';
import { registerArticleFileWatcher } from './features/articleFileWatcher';
import { registerComments } from './features/comments';
import { registerEntitiesView } from './features/entitiesView';
import { IndexNewsViewModel, registerOpenMentionCommand } from './features/newsViewModel';
import { registerQuotesView } from './features/quotesView';
import { registerNewsStatusBar } from './features/statusBar';
import { registerWorkspaceIndexService } from './features/workspaceIndexService';
import { registerEntityHover } from './features/entityHover';
import { registerEntityNavigation } from './features/entityNavigation';
import { registerArticleHover } from './features/articleHover';
import { DocumentAnalyses } from './features/documentAnalysis';
import { LazyAnalysisBackend } from './features/analysisBackend';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFolding } from './features/folding';
import { registerLanguageDetection } from './features/languageDetection';
import { registerParsedDocuments } from './features/parsedDocuments';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerSidebarActions } from './features/sidebarActions';
import type { NewsViewModel } from './features/newsViewModel';
import { registerTimelineView } from './features/timelineView';
import { registerEntityGraphView } from './features/entityGraphView';
import { registerClaims } from './features/claims';

/** What `activate` returns: the sidebar's view model, read-only (for tests and other extensions). */
export interface NewsAnnotatorApi {
  readonly newsViewModel: NewsViewModel;
}

/**
 * Wires the services and the feature registrations. Nothing here does work beyond registering:
 * indexing starts after activation.
 */
export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  // Editor features: one parse per document version (outline, folding) and one lazy analysis per
  // version (semantic tokens, single-article hover); the model is read on the first analysis.
  const parsedDocuments = registerParsedDocuments();
  // The features' one logger: failures the user need not be interrupted for, and the index build's
  // timings (what the first cross-file hover waits for), in the Output panel.
  const log = vscode.window.createOutputChannel('News Annotator', { log: true });
  // One analysis backend (a worker pool on the desktop) for the open documents and the index.
  const analysisBackend = new LazyAnalysisBackend(context, log);
  const analyses = new DocumentAnalyses(parsedDocuments, () => analysisBackend.get(), log);
  context.subscriptions.push(
    analysisBackend,
    parsedDocuments,
    analyses,
    registerLanguageDetection(log),
    registerDocumentSymbols({ parsedDocuments }),
    registerFolding({ parsedDocuments }),
    registerSemanticTokens({ analyses }),
  );

  // Cross-file index: hover cards and navigation over one workspace index, built in the background.
  const workspaceIndexService = registerWorkspaceIndexService(context, () => analysisBackend.get(), log);
  context.subscriptions.push(
    log,
    workspaceIndexService,
    registerEntityNavigation(workspaceIndexService.index),
    // Read-only probe (hidden from the palette): has the index started? Used by the activation test.
    vscode.commands.registerCommand('newsAnnotator.indexState', () => workspaceIndexService.state),
  );
  // Articles outside the index (a file opened from elsewhere) still get roles and date values.
  context.subscriptions.push(registerArticleHover({
    analyses,
    answeredElsewhere: (document) => workspaceIndexService.index.article(document.uri.toString()) !== undefined,
    building: () => workspaceIndexService.building,
  }));

  // News sidebar: four views and the status bar over the workspace index (its service shows the
  // indexing progress, so the status bar shows only the current article).
  const newsViewModel = new IndexNewsViewModel(workspaceIndexService);
  // The hover counts annotations on an entity's mentions through the view model.
  context.subscriptions.push(registerEntityHover({ index: workspaceIndexService.index, annotations: newsViewModel, building: () => workspaceIndexService.building }));
  context.subscriptions.push(
    newsViewModel,
    registerOpenMentionCommand(),
    registerArticlesView(newsViewModel, context.extensionUri),
    registerEntitiesView(newsViewModel),
    registerQuotesView(newsViewModel),
    registerAnnotationsView(newsViewModel),
    registerNewsStatusBar(newsViewModel, { showProgress: false }),
  );
  // Seeing a corpus: the timeline and the entity graph (webviews over the same index).
  const pictureDeps = { index: workspaceIndexService.index, extensionUri: context.extensionUri, ensureStarted: () => workspaceIndexService.ensureStarted() };
  context.subscriptions.push(registerTimelineView(pictureDeps), registerEntityGraphView(pictureDeps));
  // Annotations as comments; the views' context menus record corrections through them.
  const comments = registerComments(context, { newsViewModel, corrections: workspaceIndexService, logger: log });
  context.subscriptions.push(comments, registerSidebarActions({ model: newsViewModel, corrections: comments.corrections }));
  // A pull that changes a closed article moves its annotations (the store is untouched).
  context.subscriptions.push(registerArticleFileWatcher({ onDidChangeOnDisk: (uri) => comments.followDiskChange(uri), logger: log }));
  // Fact-checking: claims are assessing annotations of the same store, described over the index.
  context.subscriptions.push(registerClaims({ indexService: workspaceIndexService, parsedDocuments, logger: log }));
  return { newsViewModel };
}

export function deactivate(): void {}
