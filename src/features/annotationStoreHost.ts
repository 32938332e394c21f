import * as vscode from 'vscode';
import type { AnnotationStoreHost, Disposable, FileStat } from '../core/annotations';

/** Outside changes to one store file often come as a burst (write temp, rename, delete lock). */
const WATCH_DEBOUNCE_MS = 100;

/**
 * The annotation store's host over `vscode.workspace.fs`, rooted at a workspace folder, so the store
 * works on any file system VS Code has (local, remote, virtual). Paths are folder-relative.
 */
export class WorkspaceFsStoreHost implements AnnotationStoreHost {
  constructor(private readonly folder: vscode.Uri) {}

  private uri(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, ...relative.split('/'));
  }

  async readFile(relative: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.uri(relative));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async writeFile(relative: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uri(relative), data);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: options.overwrite });
  }

  async delete(relative: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(relative), { useTrash: false });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async stat(relative: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uri(relative));
      return { mtime: stat.mtime, size: stat.size };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async list(folder: string): Promise<string[]> {
    const found: string[] = [];
    // Checked first: a failed readDirectory is logged by the extension host as an error.
    if (!(await this.stat(folder))) return found;
    const walk = async (relative: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(this.uri(relative));
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      for (const [name, type] of entries) {
        const child = `${relative}/${name}`;
        if (type & vscode.FileType.Directory) await walk(child);
        else if (type & vscode.FileType.File) found.push(child);
      }
    };
    await walk(folder);
    return found.sort();
  }

  watch(folder: string, listener: (path: string) => void): Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, `${folder}/**`));
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const fire = (uri: vscode.Uri) => {
      const relative = uri.path.startsWith(`${this.folder.path}/`) ? uri.path.slice(this.folder.path.length + 1) : undefined;
      if (relative === undefined || !relative.endsWith('.jsonld')) return;
      clearTimeout(timers.get(relative));
      timers.set(relative, setTimeout(() => { timers.delete(relative); listener(relative); }, WATCH_DEBOUNCE_MS));
    };
    const subscriptions = [watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire)];
    return {
      dispose: () => {
        for (const timer of timers.values()) clearTimeout(timer);
        for (const s of subscriptions) s.dispose();
      },
    };
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}
