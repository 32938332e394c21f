import * as vscode from 'vscode';
import { outletLabel, ARTICLES_COMMANDS } from './articlesView';
import type { NewsIndexProgress, NewsViewModel } from './newsViewModel';

/** The status bar text for indexing progress, or undefined when idle. */
export function progressText(progress: NewsIndexProgress | undefined): string | undefined {
  if (!progress) return undefined;
  // Before the files are listed the total is unknown.
  return progress.total ? `$(sync~spin) Indexing articles ${progress.done}/${progress.total}` : '$(sync~spin) Indexing articles';
}

/**
 * Two status bar entries: the active article's outlet and date (click reveals it in the News
 * sidebar), and indexing progress while the workspace is being analysed (unless the index service
 * already reports it).
 */
export function registerNewsStatusBar(model: NewsViewModel, options: { showProgress?: boolean } = {}): vscode.Disposable {
  const showsProgress = options.showProgress ?? true;
  const articleItem = vscode.window.createStatusBarItem('newsAnnotator.article', vscode.StatusBarAlignment.Right, 100);
  articleItem.name = 'News Article';
  articleItem.command = ARTICLES_COMMANDS.revealArticle;
  const progressItem = vscode.window.createStatusBarItem('newsAnnotator.indexing', vscode.StatusBarAlignment.Left, 0);
  progressItem.name = 'News Indexing';

  const showArticle = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const article = uri ? model.article(uri) : undefined;
    if (!article) {
      articleItem.hide();
      return;
    }
    const outlet = outletLabel(article);
    articleItem.text = `$(globe) ${outlet} · ${article.date ?? 'no date'}`;
    articleItem.tooltip = `${article.headline ?? article.label}\n${outlet}, ${article.date ?? 'no date'}${article.authors.length ? `, by ${article.authors.join(', ')}` : ''}\nClick to reveal in the News sidebar`;
    articleItem.accessibilityInformation = { label: `Article from ${outlet}, dated ${article.date ?? 'unknown'}` };
    articleItem.show();
  };
  const showProgress = (progress: NewsIndexProgress | undefined) => {
    const text = progressText(progress);
    if (!showsProgress || !text || !progress) {
      progressItem.hide();
      return;
    }
    progressItem.text = text;
    // Before the files are listed the total is unknown: say so rather than "0 of 0".
    progressItem.tooltip = progress.total ? `News Annotator is analysing ${progress.total} article files` : 'News Annotator is listing the article files';
    progressItem.accessibilityInformation = { label: progress.total ? `Indexing news articles, ${progress.done} of ${progress.total}` : 'Indexing news articles' };
    progressItem.show();
  };
  showArticle();
  showProgress(model.progress);
  return vscode.Disposable.from(
    articleItem,
    progressItem,
    vscode.window.onDidChangeActiveTextEditor(showArticle),
    model.onDidChange(showArticle),
    model.onDidChangeProgress(showProgress),
  );
}
