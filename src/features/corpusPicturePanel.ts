import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index';

/** What the tests see of an open picture: the messages posted to the webview, and a way to send one. */
export interface CorpusPictureProbe {
  /** Messages posted to the webview, oldest first. */
  readonly posted: readonly unknown[];
  /** Handles `message` as if the webview had sent it; resolves to what the handler returned. */
  receive(message: unknown): Promise<unknown>;
  /** The page's HTML as given to the webview. */
  html(): string;
}

/** What a picture (timeline, entity graph) does with the webview's messages and the index's updates. */
export interface CorpusPicture {
  /** View type and title of the panel. */
  readonly viewType: string;
  readonly title: string;
  /** Script and stylesheet in `media/webview/`. */
  readonly script: string;
  /** The page's body: static controls; the script draws the rest. */
  readonly body: string;
  /** Answers one message from the webview (validated here: the webview shows article text). */
  handle(message: Record<string, unknown>, post: (message: unknown) => void): unknown;
  /** The data message to post after an index update (and on `ready`). */
  refresh(post: (message: unknown) => void): void;
}

/** What a picture's panel needs of the extension. */
export interface CorpusPictureDeps {
  index: WorkspaceIndex;
  extensionUri: vscode.Uri;
  /** Starts the workspace index if nothing has yet. */
  ensureStarted?: () => void;
}

/** Index updates come in bursts (a build, typing): redraw once they settle. */
const UPDATE_DEBOUNCE_MS = 400;

/** A random nonce for the page's script (Web Crypto: the Node and the web extension host both have it). */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The page of a picture: a strict content security policy (nothing remote, no inline script or
 * style; the one script carries a fresh nonce), the shared stylesheet of VS Code theme variables.
 */
export function pictureHtml(webview: vscode.Webview, extensionUri: vscode.Uri, picture: Pick<CorpusPicture, 'title' | 'script' | 'body'>): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media', 'webview');
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(media, picture.script));
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(media, 'corpus.css'));
  const n = nonce();
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>${picture.title}</title>
</head>
<body>
${picture.body}
<script nonce="${n}" src="${scriptUri}"></script>
</body>
</html>`;
}

/**
 * Registers the command that opens (or reveals) a picture's panel. The panel follows the index's
 * update event (debounced; a hidden panel catches up when shown) and resolves the command to a
 * {@link CorpusPictureProbe}.
 */
export function registerCorpusPicture(command: string, picture: CorpusPicture, deps: CorpusPictureDeps): vscode.Disposable {
  let open: { panel: vscode.WebviewPanel; probe: CorpusPictureProbe } | undefined;
  const show = (): CorpusPictureProbe => {
    // A News command starts the index if no article has yet (the page fills in as it builds).
    deps.ensureStarted?.();
    if (open) {
      open.panel.reveal(undefined, false);
      return open.probe;
    }
    const panel = vscode.window.createWebviewPanel(picture.viewType, picture.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'media', 'webview')],
    });
    const posted: unknown[] = [];
    const post = (message: unknown) => {
      posted.push(message);
      if (posted.length > 50) posted.shift();
      void panel.webview.postMessage(message);
    };
    const receive = async (message: unknown) => {
      if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
      const m = message as Record<string, unknown>;
      if (m.type === 'ready') return picture.refresh(post);
      try {
        return await picture.handle(m, post);
      } catch {
        return undefined; // a bad message from the page never reaches the extension host as an error
      }
    };
    let stale = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((m) => void receive(m)),
      deps.index.onDidUpdate(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (panel.visible) picture.refresh(post);
          else stale = true;
        }, UPDATE_DEBOUNCE_MS);
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && stale) {
          stale = false;
          picture.refresh(post);
        }
      }),
    ];
    panel.onDidDispose(() => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      open = undefined;
    });
    panel.webview.html = pictureHtml(panel.webview, deps.extensionUri, picture);
    open = { panel, probe: { posted, receive, html: () => panel.webview.html } };
    return open.probe;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(command, show),
    new vscode.Disposable(() => open?.panel.dispose()),
  );
}

/** A whole number in `[min, max]`, or undefined. */
export function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
