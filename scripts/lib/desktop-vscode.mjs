// Finding a real desktop VS Code: the `code` on PATH counts only when it is the launcher of an Electron
// build (bin/code beside the `code` executable and resources/app), not code-server's or a remote CLI shim.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The desktop VS Code executable (the Electron binary runTests wants), or undefined. */
export function findDesktopVSCode() {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0 || !which.stdout.trim()) return undefined;
  let launcher;
  try {
    launcher = realpathSync(which.stdout.trim());
  } catch {
    return undefined;
  }
  // Linux layout: <install>/bin/code (script) and <install>/code (Electron) with resources/app.
  const install = resolve(launcher, '..', '..');
  const electron = join(install, 'code');
  if (existsSync(electron) && existsSync(join(install, 'resources', 'app', 'product.json'))) return electron;
  // macOS layout: Visual Studio Code.app/Contents/Resources/app/bin/code.
  const macElectron = resolve(launcher, '..', '..', '..', '..', 'MacOS', 'Electron');
  if (existsSync(macElectron)) return macElectron;
  return undefined;
}

/** The `code` launcher of a desktop VS Code, for opening folders (npm start), or undefined. */
export function findDesktopCodeLauncher() {
  return findDesktopVSCode() ? 'code' : undefined;
}
