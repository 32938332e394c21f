import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnnotationStoreHost, Disposable, FileStat, LockOwner } from '../core/annotations/host';
import { FileExistsError } from '../core/annotations/host';
import { FsError, describeFsError } from './io';

/** An errno error as an {@link FsError} with its sentence (other errors as they are). */
function clearly(err: unknown, intent: 'read' | 'write'): unknown {
  const sentence = describeFsError(err, undefined, intent);
  return sentence === undefined ? err : new FsError(sentence, (err as NodeJS.ErrnoException).code);
}

/**
 * The annotation store's host over Node's fs, rooted at a workspace folder. A non-overwriting rename
 * is a hard link plus unlink: link() fails atomically when the target exists, which is what the
 * store's lock relies on.
 */
export class NodeFileHost implements AnnotationStoreHost {
  readonly atomicExclusiveRename = true;
  readonly lockOwner: LockOwner = { pid: process.pid, hostname: os.hostname() };

  constructor(readonly root: string) {}

  isProcessAlive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      // EPERM: it runs, as another user.
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  /** The absolute path of a folder-relative one; refuses one that would reach outside the folder (a second line of defence behind storePathFor). */
  private resolve(relative: string): string {
    const full = path.resolve(this.root, ...relative.split('/'));
    const inside = path.relative(this.root, full);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) throw new Error(`refused: ${relative} is outside the workspace folder ${this.root}`);
    return full;
  }

  async readFile(relative: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.promises.readFile(this.resolve(relative));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw clearly(err, 'read');
    }
  }

  async writeFile(relative: string, data: Uint8Array): Promise<void> {
    const target = this.resolve(relative);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const handle = await fs.promises.open(target, 'w');
      try {
        await handle.writeFile(data);
        // Durable before the rename that publishes it.
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      throw clearly(err, 'write');
    }
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    const source = this.resolve(from);
    const target = this.resolve(to);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      if (options.overwrite) {
        await fs.promises.rename(source, target);
        return;
      }
      try {
        await fs.promises.link(source, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(to);
        throw err;
      }
      await fs.promises.unlink(source);
    } catch (err) {
      throw err instanceof FileExistsError ? err : clearly(err, 'write');
    }
  }

  async delete(relative: string): Promise<void> {
    try {
      await fs.promises.rm(this.resolve(relative), { force: true });
    } catch (err) {
      throw clearly(err, 'write');
    }
  }

  async stat(relative: string): Promise<FileStat | undefined> {
    try {
      const stat = await fs.promises.stat(this.resolve(relative));
      return { mtime: stat.mtimeMs, size: stat.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw clearly(err, 'read');
    }
  }

  async list(folder: string): Promise<string[]> {
    const found: string[] = [];
    const walk = async (relative: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(this.resolve(relative), { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw clearly(err, 'read');
      }
      for (const entry of entries) {
        const child = `${relative}/${entry.name}`;
        if (entry.isDirectory()) await walk(child);
        else if (entry.isFile()) found.push(child);
      }
    };
    await walk(folder);
    return found.sort();
  }

  watch(folder: string, listener: (path: string) => void): Disposable {
    const watcher = fs.watch(this.resolve(folder), { recursive: true }, (_event, name) => {
      if (name) listener(`${folder}/${String(name).split(path.sep).join('/')}`);
    });
    return { dispose: () => watcher.close() };
  }
}
