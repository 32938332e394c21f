import * as vscode from 'vscode';
import { buildTimeline } from '../core/corpus/timeline';
import type { WorkspaceIndex } from '../core/index';
import { registerCorpusPicture, wholeNumber, type CorpusPicture, type CorpusPictureDeps } from './corpusPicturePanel';
import { OPEN_MENTION_COMMAND } from './newsViewModel';

/** Opens the timeline of the workspace's articles; resolves to a probe (tests). */
export const SHOW_TIMELINE_COMMAND = 'newsAnnotator.showTimeline';

/** Characters of article text at most between a click's start and end (a date, a headline). */
const MAX_RANGE = 2000;

const BODY = `<header class="controls" role="toolbar" aria-label="Timeline controls">
  <label>Outlet <select id="outlet"><option value="">All outlets</option></select></label>
  <label>Entity <input id="entity" type="search" list="entities" placeholder="any person, organization, place" autocomplete="off"></label>
  <datalist id="entities"></datalist>
  <label class="toggle"><input id="showEvents" type="checkbox" checked> Dated events</label>
  <span class="buttons"><button id="zoomIn" type="button" aria-label="Zoom in">+</button><button id="zoomOut" type="button" aria-label="Zoom out">−</button><button id="fit" type="button">Fit</button></span>
  <span id="summary" role="status" aria-live="polite"></span>
</header>
<main>
  <div id="chart" tabindex="0" role="group" aria-roledescription="timeline" aria-describedby="chartHelp"></div>
  <p id="chartHelp" class="help">Arrow keys pan, + and − zoom, Tab moves between items, Enter opens the article at the date. The list below holds the same items.</p>
  <section aria-labelledby="listTitle"><h2 id="listTitle">Items in view</h2><ol id="list" class="item-list"></ol><p id="more" class="help"></p></section>
  <section aria-labelledby="undatedTitle"><h2 id="undatedTitle">Undated articles</h2><ol id="undated" class="item-list"></ol></section>
</main>`;

/**
 * The timeline picture: articles at their date by outlet and the dated events the extractor resolved,
 * drawn by `media/webview/timeline.js`; a click opens the article at the date (only indexed files, at
 * a range inside their text).
 */
export class TimelinePicture implements CorpusPicture {
  readonly viewType = 'newsAnnotator.timeline';
  readonly title = 'News Timeline';
  readonly script = 'timeline.js';
  readonly body = BODY;

  constructor(private readonly index: WorkspaceIndex) {}

  refresh(post: (message: unknown) => void): void {
    const data = buildTimeline(this.index);
    const labels = data.articles.map((a) => vscode.workspace.asRelativePath(vscode.Uri.parse(a.file), false));
    post({ type: 'timeline', data, labels });
  }

  async handle(message: Record<string, unknown>): Promise<unknown> {
    if (message.type !== 'open' || typeof message.file !== 'string') return undefined;
    if (!this.index.article(message.file)) return undefined;
    const start = wholeNumber(message.start, 0, Number.MAX_SAFE_INTEGER);
    const end = wholeNumber(message.end, start ?? 0, (start ?? 0) + MAX_RANGE);
    if (start === undefined || end === undefined) return undefined;
    return vscode.commands.executeCommand(OPEN_MENTION_COMMAND, message.file, start, end);
  }
}

/** Registers {@link SHOW_TIMELINE_COMMAND}. */
export function registerTimelineView(deps: CorpusPictureDeps): vscode.Disposable {
  return registerCorpusPicture(SHOW_TIMELINE_COMMAND, new TimelinePicture(deps.index), deps);
}
