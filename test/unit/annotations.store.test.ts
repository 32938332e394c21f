import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type Annotation, type AnnotationStoreHost, AnnotationStore, FileExistsError, InMemoryStoreHost, StoreFileError, createAnnotation, parseStoreFile,
  reviseAnnotation, selectorsFor, serializeStoreFile, StoreBusyError, storePathFor,
} from '../../src/core/annotations';
import { NodeFileHost } from '../../src/cli/nodeFileHost';

const ARTICLE = 'news/001.txt';
const TEXT = 'Huawei founder Ren Zhengfei spoke to reporters. Meng Wenzhou is his daughter.';

function comment(text: string, at = 'Meng Wenzhou', now?: Date): Annotation {
  const start = TEXT.indexOf(at);
  return createAnnotation({ motivation: 'commenting', text, tags: ['#verify'], creator: 'Ann', target: { source: ARTICLE, selector: selectorsFor(TEXT, start, start + at.length) } }, now);
}

describe('annotation store', () => {
  it('writes a validated, sorted store file and reads it back in a new instance', async () => {
    const host = new InMemoryStoreHost();
    const store = new AnnotationStore(host);
    const first = comment('one', 'Ren Zhengfei', new Date('2025-01-02T00:00:00Z'));
    const second = comment('two', 'Meng Wenzhou', new Date('2025-01-01T00:00:00Z'));
    await store.put(ARTICLE, [first, second]);
    const text = host.text(storePathFor(ARTICLE));
    assert.ok(text, 'the store file is at .news-annotations/<article>.jsonld');
    assert.strictEqual(storePathFor(ARTICLE), '.news-annotations/news/001.txt.jsonld');
    const json = JSON.parse(text);
    assert.strictEqual(json.formatVersion, 1);
    assert.strictEqual(json.type, 'AnnotationPage');
    assert.deepStrictEqual(json.items.map((a: Annotation) => a.id), [second.id, first.id], 'oldest first');
    assert.match(first.id, /^urn:uuid:[0-9a-f-]{36}$/);
    // Stable: the same state always serializes to the same bytes.
    assert.strictEqual(serializeStoreFile(ARTICLE, parseStoreFile('x', text).state), text);
    const reader = new AnnotationStore(host);
    assert.deepStrictEqual((await reader.load(ARTICLE)).sort((a, b) => a.created.localeCompare(b.created)), [second, first]);
    assert.deepStrictEqual([...host.files.keys()].filter((p) => !p.endsWith('.jsonld')), [], 'no temporary or lock file left');
  });

  it('deletes with a tombstone that another window holding the annotation does not undo', async () => {
    const host = new InMemoryStoreHost();
    const a = new AnnotationStore(host);
    const b = new AnnotationStore(host);
    const kept = comment('kept');
    const doomed = comment('doomed');
    await a.put(ARTICLE, [kept, doomed]);
    await b.load(ARTICLE);
    await a.remove(ARTICLE, [doomed.id]);
    // b still has `doomed` in memory; its next write must not resurrect it.
    await b.put(ARTICLE, [reviseAnnotation(kept, { status: 'resolved' })]);
    const final = await new AnnotationStore(host).load(ARTICLE);
    assert.deepStrictEqual(final.map((x) => [x.id, x.status]), [[kept.id, 'resolved']]);
  });

  it('merges outside changes into a watching instance (newest modified wins)', async () => {
    const host = new InMemoryStoreHost();
    const watcher = new AnnotationStore(host);
    watcher.watch();
    const changed: string[] = [];
    watcher.onDidChange((article) => changed.push(article));
    const original = comment('original');
    await watcher.put(ARTICLE, [original]);
    const other = new AnnotationStore(host);
    await other.load(ARTICLE);
    const edited = reviseAnnotation(original, { body: [{ type: 'TextualBody', value: 'edited elsewhere', purpose: 'commenting' }] });
    const added = comment('added elsewhere');
    await other.put(ARTICLE, [edited, added]);
    await waitFor(() => watcher.annotationsOf(ARTICLE).length === 2);
    assert.deepStrictEqual(watcher.find(original.id)?.annotation, edited);
    assert.ok(changed.includes(ARTICLE));
    watcher.dispose();
  });

  it('loses nothing when two instances write to one folder at once (memory host)', async () => {
    const host = new InMemoryStoreHost();
    await concurrentWriters(host);
  });

  it('loses nothing when the host\'s non-overwriting rename is check-then-rename (VS Code\'s disk provider)', async () => {
    class RacyRenameHost extends InMemoryStoreHost {
      override readonly atomicExclusiveRename = false;
      override async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
        if (!options.overwrite && this.files.has(to)) throw new FileExistsError(to);
        // The window between the check and the rename, where another writer can slip in.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        return super.rename(from, to, { overwrite: true });
      }
    }
    await concurrentWriters(new RacyRenameHost());
  });

  it('loses nothing when two instances write to one temp folder at once (real files)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotations-'));
    try {
      await concurrentWriters(new NodeFileHost(root));
      const left = fs.readdirSync(path.join(root, '.news-annotations', 'news'));
      assert.deepStrictEqual(left, ['001.txt.jsonld'], 'no temporary or lock file left');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('loses nothing when writers race over a real folder many times, even when their locks do not exclude each other', async function () {
    this.timeout(60_000);
    // Each writer sees its own lock files (as with a tool or a synced copy that ignores our lock), and
    // its non-overwriting rename is check-pause-overwrite: the lock never excludes anyone, so only the
    // compare-and-swap with read-back keeps every annotation. Slow writes widen the overlaps.
    const unlockedWriter = (root: string, writer: string): AnnotationStoreHost => {
      const disk = new NodeFileHost(root);
      const own = (p: string) => p.replace('.jsonld.lock', `.jsonld.lock-${writer}`);
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * ms));
      return {
        atomicExclusiveRename: false,
        readFile: (p) => disk.readFile(own(p)),
        writeFile: async (p, data) => { await pause(10); await disk.writeFile(own(p), data); },
        delete: (p) => disk.delete(own(p)),
        stat: (p) => disk.stat(own(p)),
        list: (folder) => disk.list(folder),
        rename: async (from, to, options) => {
          if (!options.overwrite && (await disk.stat(own(to)))) throw new FileExistsError(to);
          await pause(5);
          return disk.rename(own(from), own(to), { overwrite: true });
        },
      };
    };
    for (let race = 0; race < 8; race++) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotations-race-'));
      try {
        await concurrentWriters(new NodeFileHost(root), 8, (writer) => (race % 2 === 0 ? new NodeFileHost(root) : unlockedWriter(root, writer)));
        const left = fs.readdirSync(path.join(root, '.news-annotations', 'news'));
        assert.deepStrictEqual(left, ['001.txt.jsonld'], `race ${race}: no temporary or lock file left`);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('leaves the previous file intact when a write is interrupted midway', async () => {
    const host = new InMemoryStoreHost();
    const store = new AnnotationStore(host);
    const first = comment('first');
    await store.put(ARTICLE, [first]);
    const before = host.text(storePathFor(ARTICLE));
    host.failNextWriteAfter = 0.5;
    await assert.rejects(store.put(ARTICLE, [comment('second')]), /simulated failure/);
    assert.strictEqual(host.text(storePathFor(ARTICLE)), before);
    assert.deepStrictEqual((await new AnnotationStore(host).load(ARTICLE)).map((a) => a.id), [first.id]);
  });

  it('leaves the previous file intact when the process dies mid-write (real files)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotations-'));
    try {
      const first = comment('first');
      await new AnnotationStore(new NodeFileHost(root)).put(ARTICLE, [first]);
      const storeFile = path.join(root, '.news-annotations', 'news', '001.txt.jsonld');
      const before = fs.readFileSync(storeFile, 'utf8');
      // A host whose disk fills up halfway through the temporary file.
      class HalfWritingHost extends NodeFileHost {
        override async writeFile(relative: string, data: Uint8Array): Promise<void> {
          if (relative.endsWith('.tmp') && !relative.includes('.lock.')) {
            await super.writeFile(relative, data.slice(0, data.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          await super.writeFile(relative, data);
        }
      }
      await assert.rejects(new AnnotationStore(new HalfWritingHost(root)).put(ARTICLE, [comment('second')]), /ENOSPC/);
      assert.strictEqual(fs.readFileSync(storeFile, 'utf8'), before);
      assert.deepStrictEqual((await new AnnotationStore(new NodeFileHost(root)).load(ARTICLE)).map((a) => a.id), [first.id]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a writer that died, and waits for a live one', async () => {
    const host = new InMemoryStoreHost();
    const lockPath = `${storePathFor(ARTICLE)}.lock`;
    host.files.set(lockPath, { data: new Uint8Array(), mtime: Date.now() - 60_000 });
    await new AnnotationStore(host, { staleLockMs: 10_000 }).put(ARTICLE, [comment('after a crash')]);
    assert.strictEqual((await new AnnotationStore(host).load(ARTICLE)).length, 1);
    assert.ok(!host.files.has(lockPath), 'the lock is released');
    host.files.set(lockPath, { data: new Uint8Array(), mtime: Date.now() });
    await assert.rejects(new AnnotationStore(host, { lockTimeoutMs: 150 }).put(ARTICLE, [comment('blocked')]), StoreBusyError);
    assert.strictEqual((await new AnnotationStore(host).load(ARTICLE)).length, 1, 'nothing written without the lock');
  });

  for (const [label, content] of [
    ['invalid JSON', '{"items": ['],
    ['a schema violation', JSON.stringify({ '@context': [], type: 'AnnotationPage', formatVersion: 1, article: ARTICLE, items: [{ id: 'x' }], deleted: [] })],
    ['a newer format version', JSON.stringify({ '@context': [], type: 'AnnotationPage', formatVersion: 99, article: ARTICLE, items: [], deleted: [] })],
  ] as const) {
    it(`reports a store file with ${label}, backs it up and never overwrites it`, async () => {
      const host = new InMemoryStoreHost();
      const storePath = storePathFor(ARTICLE);
      host.writeText(storePath, content);
      const store = new AnnotationStore(host);
      const errors: StoreFileError[] = [];
      store.onDidReportError((e) => errors.push(e));
      assert.deepStrictEqual(await store.load(ARTICLE), []);
      assert.strictEqual(errors.length, 1);
      assert.ok(errors[0]?.message.includes(storePath), errors[0]?.message);
      const backup = errors[0]?.backupPath;
      assert.ok(backup && host.text(backup) === content, 'a backup copy with the same bytes');
      await assert.rejects(store.put(ARTICLE, [comment('new')]), (err: unknown) => err instanceof StoreFileError && err.storePath === storePath);
      assert.strictEqual(host.text(storePath), content, 'left untouched');
      assert.strictEqual(errors.length, 1, 'reported once per content, one backup');
      // Everything else keeps working.
      await store.put('news/other.txt', [comment('fine')]);
      assert.strictEqual((await new AnnotationStore(host).load('news/other.txt')).length, 1);
      // Once fixed by hand, the article is writable again.
      host.writeText(storePath, serializeStoreFile(ARTICLE, { annotations: new Map(), deleted: new Map() }));
      await store.put(ARTICLE, [comment('after the fix')]);
      assert.strictEqual((await new AnnotationStore(host).load(ARTICLE)).length, 1);
    });
  }
});

/** Three stores on one host, each adding `perWriter` annotations, interleaved; then every one must be on disk. */
async function concurrentWriters(host: AnnotationStoreHost, perWriter = 15, hostFor: (writer: string) => AnnotationStoreHost = () => host): Promise<void> {
  const shared = comment('shared', 'Meng Wenzhou', new Date('2025-01-01T00:00:00Z'));
  await new AnnotationStore(host).put(ARTICLE, [shared]);
  const a = new AnnotationStore(hostFor('a'));
  const b = new AnnotationStore(hostFor('b'));
  const written: Annotation[] = [];
  const writer = async (store: AnnotationStore, name: string) => {
    for (let i = 0; i < perWriter; i++) {
      const annotation = comment(`${name} ${i}`);
      written.push(annotation);
      await store.put(ARTICLE, [annotation]);
    }
  };
  await Promise.all([writer(a, 'a'), writer(b, 'b'), writer(new AnnotationStore(hostFor('c')), 'c')]);
  const final = await new AnnotationStore(host).load(ARTICLE);
  assert.deepStrictEqual(final.map((x) => x.id).sort(), [shared, ...written].map((x) => x.id).sort());
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'condition met in time');
}
