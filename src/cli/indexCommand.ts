import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../core/article';
import { ArticleExtractor } from '../core/extract';
import { lineFrequencyOf } from '../core/index/folderLines';
import { hashBytes } from '../core/index/host';
import { WorkspaceIndex, type AnalyzeArticle } from '../core/index/workspaceIndex';
import { AnalysisPool } from '../node/analysisPool';
import { CliError, describeFsError } from './io';
import { NER_MODEL_PATH, loadShippedRecognizer } from './model';
import { NodeWorkspaceHost } from './nodeWorkspaceHost';

/** The pool's worker script beside the bundle (`dist/cli.js` -> `dist/analysisWorker.js`). */
const WORKER_SCRIPT = path.join(__dirname, 'analysisWorker.js');

/** The `index --json` answer. */
export interface IndexReport {
  articles: number;
  outlets: { name: string; articles: string[] }[];
  entities: { name: string; type: string; aliases: string[]; variants: string[]; mentions: number; articles: string[] }[];
  skipped: { path: string; reason: string }[];
  /** Wire copies and near-duplicates: each group's articles, its origin (earliest date) first. */
  copies: { articles: string[]; similarity: number }[];
}

/**
 * `index DIR [--json]`: indexes every `.txt` article under DIR and prints its outlets and entities
 * (people, organizations, places) across articles. Files that cannot be read or decoded are skipped,
 * listed on stderr and in `skipped`; the rest is indexed.
 */
export async function runIndex(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`index: unknown option '${unknown}'`);
  if (rest.length !== 1) throw new CliError('index: expected one folder (index DIR [--json])');
  const dir = rest[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    throw new CliError((err as NodeJS.ErrnoException).code === 'ENOENT' ? `${dir}: no such folder` : describeFsError(err, dir) ?? `${dir}: cannot read`);
  }
  if (!stat.isDirectory()) throw new CliError(`${dir}: not a folder`);

  const report = await indexFolder(dir);
  for (const s of report.skipped) process.stderr.write(`news-annotator index: skipped ${s.path}: ${s.reason}\n`);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatTable(report));
  return 0;
}

/**
 * Indexes a folder with the shipped pipeline and summarises it. Articles are analysed by a pool of
 * worker threads when the worker script is there (the bundled CLI), else in this thread (sources
 * run through tsx).
 */
export async function indexFolder(dir: string): Promise<IndexReport> {
  const { index, skipped } = await buildFolderIndex(dir);
  return {
    articles: index.files().length,
    outlets: index.outlets().map((o) => ({ name: o.name, articles: o.files })),
    entities: index.entities().map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, variants: e.variants, mentions: e.mentionCount, articles: e.files })),
    skipped,
    copies: index.copyGroups().map((g) => ({ articles: g.files, similarity: g.similarity })),
  };
}

/** Indexes a folder with the shipped pipeline (see {@link indexFolder}); files are relative paths. */
export async function buildFolderIndex(dir: string): Promise<{ index: WorkspaceIndex; skipped: { path: string; reason: string }[] }> {
  const host = new NodeWorkspaceHost(dir);
  const { analyze, dispose } = createAnalyser();
  const index = new WorkspaceIndex(
    host,
    analyze,
    // A one-shot command has nobody to yield to.
    { modelVersion: modelVersion(), yieldToHost: () => Promise.resolve(), sliceMs: 1e9 },
  );
  let result;
  try {
    result = await index.build();
  } finally {
    await dispose();
  }
  return { index, skipped: [...host.listingProblems, ...result.skipped] };
}

/** The shipped analyser: a worker pool beside the bundle, else in this thread (also used by `claims export`). */
export function createAnalyser(): { analyze: AnalyzeArticle; dispose: () => Promise<void> } {
  if (fs.existsSync(WORKER_SCRIPT)) {
    let modelBytes: Uint8Array;
    try {
      modelBytes = fs.readFileSync(NER_MODEL_PATH);
    } catch {
      loadShippedRecognizer(); // explains a required model that is missing, as `extract` does
      modelBytes = new Uint8Array(0);
    }
    const pool = new AnalysisPool({ workerScript: WORKER_SCRIPT, modelBytes });
    return { analyze: (text, folder) => pool.analyze(text, folder), dispose: () => pool.dispose() };
  }
  const extractor = new ArticleExtractor(loadShippedRecognizer());
  const analyze: AnalyzeArticle = (text, folder) => {
    const article = parseArticle(text, { lineFrequency: lineFrequencyOf(folder) });
    return { article, analysis: extractor.analyzeArticle(text, article) };
  };
  return { analyze, dispose: async () => undefined };
}

/** The cache key of the shipped model. */
export function modelVersion(): string {
  try {
    return hashBytes(fs.readFileSync(NER_MODEL_PATH));
  } catch {
    return 'no-model';
  }
}

function formatTable(report: IndexReport): string {
  const lines = [`${report.articles} article${report.articles === 1 ? '' : 's'}`, '', 'outlets:'];
  for (const o of report.outlets) lines.push(`  ${o.name} (${o.articles.length})`);
  if (!report.outlets.length) lines.push('  (none)');
  lines.push('', 'entities:');
  const nameWidth = Math.min(40, Math.max(4, ...report.entities.map((e) => e.name.length)));
  lines.push(`  ${'name'.padEnd(nameWidth)}  ${'type'.padEnd(12)}  mentions  articles  aliases`);
  for (const e of report.entities) {
    const aliases = e.aliases.map((a) => (e.variants.includes(a) ? `${a} (variant)` : a)).join(', ');
    lines.push(`  ${e.name.padEnd(nameWidth)}  ${e.type.padEnd(12)}  ${String(e.mentions).padStart(8)}  ${String(e.articles.length).padStart(8)}  ${aliases}`);
  }
  if (report.copies.length) {
    lines.push('', 'copies (origin first):');
    for (const c of report.copies) lines.push(`  ${c.articles.join(', ')} (similarity ${c.similarity})`);
  }
  if (report.skipped.length) lines.push('', `skipped ${report.skipped.length} file(s) (see stderr)`);
  return lines.join('\n') + '\n';
}
