import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeFsError } from '../../../src/cli/io';
import { FIXTURES, annotationOn, filesUnder, runCli, tempFolder } from './cliKit';

const FAILING_FS = path.join(__dirname, 'fixtures', 'failingFs.cjs');
const SEED = '001_ef6bbce3734ab0e1.txt';

/** A Node-shaped errno error, for the codes a root user cannot provoke with real files. */
function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${file}'`), { errno: -(os.constants.errno as Record<string, number>)[code]!, code, syscall, path: file });
}

/** Catches what a real fs call throws. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (err) {
    return err;
  }
  throw new Error('the call did not fail');
}

describe('file-system errors in one clear sentence (cli/io)', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => { tmp = tempFolder('io'); });
  afterEach(() => tmp.remove());

  it('for real failures: a symbolic link loop, a missing file, a file used as a folder, a folder read as a file', () => {
    const loop = path.join(tmp.dir, 'loop.txt');
    fs.symlinkSync(path.join(tmp.dir, 'other.txt'), loop);
    fs.symlinkSync(loop, path.join(tmp.dir, 'other.txt'));
    assert.equal(describeFsError(thrownBy(() => fs.readFileSync(loop))), `${loop}: too many levels of symbolic links (a symbolic link loop?) (ELOOP)`);
    assert.equal(describeFsError(thrownBy(() => fs.readFileSync(path.join(tmp.dir, 'none')))), `${path.join(tmp.dir, 'none')}: no such file or folder`);
    fs.writeFileSync(path.join(tmp.dir, 'file'), 'x');
    assert.match(describeFsError(thrownBy(() => fs.readFileSync(path.join(tmp.dir, 'file', 'x')))) ?? '', /: a part of this path is a file, not a folder \(ENOTDIR\)$/);
    // Node names no path for EISDIR: the caller gives it.
    assert.equal(describeFsError(thrownBy(() => fs.readFileSync(tmp.dir)), tmp.dir), `${tmp.dir}: is a folder, not a file`);
  });

  it('for permissions and read-only file systems (errors shaped as Node raises them)', () => {
    assert.equal(describeFsError(errnoError('EACCES', 'open', '/ws/a.txt')), '/ws/a.txt: permission denied: this user may not read it (EACCES)');
    assert.equal(describeFsError(errnoError('EACCES', 'mkdir', '/ws/.news-annotations')), '/ws/.news-annotations: permission denied: this user may not write there (EACCES)');
    assert.equal(describeFsError(errnoError('EACCES', 'open', '/ws/x.tmp'), undefined, 'write'), '/ws/x.tmp: permission denied: this user may not write there (EACCES)');
    assert.equal(describeFsError(errnoError('EROFS', 'open', '/ws/x.tmp')), '/ws/x.tmp: the file system is read-only, so nothing can be written there (EROFS)');
    assert.equal(describeFsError(errnoError('ENOSPC', 'write', '/ws/x')), '/ws/x: no space left on the device (ENOSPC)');
    assert.equal(describeFsError(new Error('not a file-system error')), undefined);
  });

  it('an unreadable folder, really (only where permissions apply: not as root)', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads a mode-000 folder; the CLI tests below simulate it instead
    const locked = path.join(tmp.dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0);
    try {
      assert.match(describeFsError(thrownBy(() => fs.readdirSync(locked))) ?? '', /: permission denied: this user may not read it \(EACCES\)$/);
    } finally {
      fs.chmodSync(locked, 0o700);
    }
  });

  describe('the CLI says them, not "internal error"', () => {
    it('parse on a symbolic link loop', () => {
      const loop = path.join(tmp.dir, 'loop.txt');
      fs.symlinkSync(path.join(tmp.dir, 'other.txt'), loop);
      fs.symlinkSync(loop, path.join(tmp.dir, 'other.txt'));
      const run = runCli(['parse', loop]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, `news-annotator: ${loop}: too many levels of symbolic links (a symbolic link loop?) (ELOOP)\n`);
      const index = runCli(['index', tmp.dir]);
      assert.equal(index.status, 0, index.stderr);
      assert.match(index.stderr, /skipped loop\.txt: too many levels of symbolic links \(a symbolic link loop\?\) \(ELOOP\)/);
    });

    const failing = (code: string, calls: string, under: string) => ({ NODE_OPTIONS: `--require ${FAILING_FS}`, FAIL_FS_CODE: code, FAIL_FS_CALLS: calls, FAIL_FS_UNDER: under });

    for (const code of ['EROFS', 'EACCES']) {
      it(`import into a workspace that cannot be written (${code}): one sentence, nothing written`, () => {
        const ws = path.join(tmp.dir, 'ws');
        fs.mkdirSync(ws);
        fs.copyFileSync(path.join(FIXTURES, SEED), path.join(ws, SEED));
        const input = path.join(tmp.dir, 'in.json');
        fs.writeFileSync(input, JSON.stringify(annotationOn(SEED, 'Huawei')));
        const run = runCli(['annotations', 'import', ws, input], { env: failing(code, 'mkdir,open', path.join(ws, '.news-annotations')) });
        assert.equal(run.status, 1);
        const reason = code === 'EROFS' ? 'the file system is read-only, so nothing can be written there \\(EROFS\\)' : 'permission denied: this user may not write there \\(EACCES\\)';
        assert.match(run.stderr, new RegExp(`^news-annotator: import failed, nothing was written: 1 for ${SEED.replace('.', '\\.')} \\(${ws.replace(/[.]/g, '\\.')}/\\.news-annotations: ${reason}\\)\\n$`));
        assert.ok(!run.stderr.includes('internal error'));
        assert.deepEqual(filesUnder(ws), [SEED]);
      });
    }

    it('index over an unreadable folder names it with the reason', () => {
      fs.mkdirSync(path.join(tmp.dir, 'locked'));
      fs.copyFileSync(path.join(FIXTURES, SEED), path.join(tmp.dir, SEED));
      const run = runCli(['index', tmp.dir], { env: failing('EACCES', 'readdir,opendir', path.join(tmp.dir, 'locked')) });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /skipped locked: permission denied: this user may not read it \(EACCES\)/);
    });

    it('export from a workspace folder that is a symbolic link loop', () => {
      const loop = path.join(tmp.dir, 'ws');
      fs.symlinkSync(path.join(tmp.dir, 'ws2'), loop);
      fs.symlinkSync(loop, path.join(tmp.dir, 'ws2'));
      const run = runCli(['annotations', 'export', loop]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, `news-annotator: ${loop}: too many levels of symbolic links (a symbolic link loop?) (ELOOP)\n`);
    });
  });
});
