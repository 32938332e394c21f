import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CooccurrenceGraph } from '../../src/core/corpus/cooccurrence';
import type { TimelineData } from '../../src/core/corpus/timeline';
import type { CorpusPictureProbe } from '../../src/features/corpusPicturePanel';
import type { NewsViewModel } from '../../src/features/newsViewModel';
import { EXTENSION_ID, FIRST_SEED, OTHER_SEED, eventually, workspaceFile } from './workspaceIndexKit';

// The timeline and the entity graph, driven through the extension's own commands: each resolves to
// a probe that hands the panel a message as its page would send it and shows what was posted back.
// The pages' drawing is checked by the end-to-end run (scripts/e2e.mjs) in a real browser.

function last<T>(probe: CorpusPictureProbe, type: string): T | undefined {
  const found = [...probe.posted].reverse().find((m) => (m as { type?: string }).type === type) as Record<string, unknown> | undefined;
  return found as T | undefined;
}

/** The next timeline posted whose articles satisfy `wanted` (other suites may have added articles of their own). */
async function timelineWith(probe: CorpusPictureProbe, wanted: (files: string[]) => boolean, what: string): Promise<{ data: TimelineData; labels: string[] }> {
  try {
    return await eventually(async () => {
      await probe.receive({ type: 'ready' });
      const message = last<{ data: TimelineData; labels: string[] }>(probe, 'timeline');
      return message && wanted(message.data.articles.map((a) => a.file)) ? message : undefined;
    }, what, 30_000);
  } catch (error) {
    const posted = probe.posted.map((m) => JSON.stringify(m).slice(0, 300));
    throw new Error(`${(error as Error).message}; posted: ${posted.slice(-2).join(' | ')}`);
  }
}

function selectedText(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

describe('Seeing a corpus: timeline and entity graph', function () {
  this.timeout(60_000);
  let model: NewsViewModel;
  const reprint = workspaceFile('reprint-of-fan.news.txt');

  before(async () => {
    const api = await vscode.extensions.getExtension<{ newsViewModel: NewsViewModel }>(EXTENSION_ID)!.activate();
    model = api.newsViewModel;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(reprint).then(undefined, () => undefined);
  });

  it('serves the timeline page under a strict content security policy, nothing remote', async () => {
    const probe = await vscode.commands.executeCommand<CorpusPictureProbe>('newsAnnotator.showTimeline');
    const html = probe.html();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:\/\/(?!.*vscode)/.test(csp), csp);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length === 1 && scripts[0].includes(`nonce="${nonce}"`), scripts.join());
    // The only resources are the extension's own, through the webview's resource scheme.
    for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) assert.ok(/vscode-resource|vscode-cdn|^vscode-webview:/.test(url), `not the extension's own resource: ${url}`);
  });

  it('timeline: posts the seeds at their dates by outlet; a click opens the article at the date', async () => {
    const probe = await vscode.commands.executeCommand<CorpusPictureProbe>('newsAnnotator.showTimeline');
    const seeds = [FIRST_SEED, OTHER_SEED].map((f) => workspaceFile(f).toString());
    const { data, labels } = await timelineWith(probe, (files) => seeds.every((s) => files.includes(s)), 'a timeline with both seeds');
    const epoch = data.articles.findIndex((a) => a.file.endsWith(OTHER_SEED));
    assert.ok(epoch >= 0 && data.articles[epoch].date === '2019-01-15', JSON.stringify(data.articles.map((a) => [a.file, a.date])));
    assert.strictEqual(data.articles[epoch].outlet, 'The Epoch Times');
    assert.ok(labels[epoch].endsWith(OTHER_SEED));
    const article = data.articles[epoch];
    await probe.receive({ type: 'open', file: article.file, start: article.span.start, end: article.span.end });
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), article.file);
    assert.strictEqual(selectedText(editor), 'January 15, 2019');

    const event = data.events.find((e) => e.file === article.file);
    assert.ok(event, 'the Epoch Times seed has dated events');
    await probe.receive({ type: 'open', file: event.file, start: event.start, end: event.end });
    assert.strictEqual(selectedText(vscode.window.activeTextEditor!), event.text);
  });

  it('timeline: refuses messages that name no indexed file or a bad range', async () => {
    const probe = await vscode.commands.executeCommand<CorpusPictureProbe>('newsAnnotator.showTimeline');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outside = vscode.Uri.joinPath(workspaceFile(FIRST_SEED), '..', '..', 'outside.txt').toString();
    for (const message of [
      { type: 'open', file: outside, start: 0, end: 1 },
      { type: 'open', file: workspaceFile(FIRST_SEED).toString(), start: -1, end: 3 },
      { type: 'open', file: workspaceFile(FIRST_SEED).toString(), start: 5, end: 2 },
      { type: 'open', file: workspaceFile(FIRST_SEED).toString(), start: 0.5, end: 2 },
      { type: 'run', command: 'workbench.action.terminal.new' },
      null, 'open', [1, 2],
    ]) {
      assert.strictEqual(await probe.receive(message), undefined, JSON.stringify(message));
    }
    assert.strictEqual(vscode.window.activeTextEditor, undefined, 'no editor was opened');
  });

  it('entity graph: people and organizations named together; filters; a click reveals the entity', async () => {
    const probe = await vscode.commands.executeCommand<CorpusPictureProbe>('newsAnnotator.showEntityGraph');
    const graph = await eventually(async () => {
      await probe.receive({ type: 'ready' });
      const g = last<{ graph: CooccurrenceGraph }>(probe, 'graph')?.graph;
      return g && g.nodes.some((n) => n.name === 'Ren Zhengfei') ? g : undefined;
    }, 'Ren Zhengfei in the graph', 30_000);
    const ren = graph.nodes.findIndex((n) => n.name === 'Ren Zhengfei');
    const huawei = graph.nodes.findIndex((n) => n.name === 'Huawei');
    assert.ok(huawei >= 0, graph.nodes.map((n) => n.name).join());
    const edge = graph.edges.find((e) => [e.source, e.target].sort().join() === [ren, huawei].sort().join());
    assert.ok(edge && edge.weight >= 2, 'Ren Zhengfei and Huawei share both seeds');
    assert.ok(graph.nodes.every((n) => n.type === 'person' || n.type === 'organization'));

    await probe.receive({ type: 'query', query: { types: ['person'], minWeight: 2, limit: 5, outlet: 'The Epoch Times', search: 42 } });
    const people = last<{ graph: CooccurrenceGraph }>(probe, 'graph')!.graph;
    assert.ok(people.nodes.length <= 5 && people.nodes.every((n) => n.type === 'person'), JSON.stringify(people.nodes));
    assert.ok(people.edges.every((e) => e.weight >= 2));

    assert.strictEqual(await probe.receive({ type: 'reveal', id: graph.nodes[ren].id }), true, 'revealed in the Entities view');
    assert.strictEqual(await probe.receive({ type: 'reveal', id: 'no such entity' }), undefined);
  });

  it('both follow the index: a reprint appears, and the Articles view says where else it was published', async () => {
    const timeline = await vscode.commands.executeCommand<CorpusPictureProbe>('newsAnnotator.showTimeline');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(FIRST_SEED)));
    const lines = original.split('\n');
    await timelineWith(timeline, () => true, 'a first timeline');
    await vscode.workspace.fs.writeFile(reprint, new TextEncoder().encode(`Reprinted: ${lines[0]}\n${lines.slice(1).join('\n')}\n\nLeave a Reply\n`));
    // Not asked again: the panel posts on its own after the index's update event.
    const shows = (present: boolean) => async () => {
      const message = last<{ data: TimelineData }>(timeline, 'timeline');
      return message && message.data.articles.some((a) => a.file === reprint.toString()) === present ? true : undefined;
    };
    await eventually(shows(true), 'the timeline to show the reprint (index update event)', 30_000);
    const first = await eventually(async () => {
      const a = model.article(workspaceFile(FIRST_SEED).toString());
      return a?.alsoPublishedBy?.length ? a : undefined;
    }, 'the copy to be found', 30_000);
    assert.ok(first.alsoPublishedBy!.length >= 1, JSON.stringify(first.alsoPublishedBy));
    assert.strictEqual(model.originCount?.([workspaceFile(FIRST_SEED).toString(), reprint.toString(), workspaceFile(OTHER_SEED).toString()]), 2);
    await vscode.workspace.fs.delete(reprint);
    await eventually(shows(false), 'the timeline to drop the reprint', 30_000);
  });
});
