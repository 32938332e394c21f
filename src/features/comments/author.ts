/** Who writes an annotation: the `newsAnnotator.author` setting, else git's user.name. */
import * as vscode from 'vscode';

/** The author: the `newsAnnotator.author` setting, else git's user.name of the folder's repository. */
export async function authorFor(folder: vscode.WorkspaceFolder): Promise<{ creator?: string }> {
  const configured = vscode.workspace.getConfiguration('newsAnnotator', folder.uri).get<string>('author')?.trim();
  if (configured) return { creator: configured };
  try {
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.git', 'config')));
    const name = gitUserName(config);
    return name ? { creator: name } : {};
  } catch {
    return {};
  }
}

/** `name` of the `[user]` section of a git config file. */
export function gitUserName(config: string): string | undefined {
  let inUser = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inUser = /^\[user\]$/i.test(line);
    else if (inUser) {
      const match = /^name\s*=\s*(.+)$/i.exec(line);
      if (match) return (match[1] as string).replace(/^"(.*)"$/, '$1').trim() || undefined;
    }
  }
  return undefined;
}
