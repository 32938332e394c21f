import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AnnotationStore, ArticlePathError, ImportError, PartialImportError, StoreBusyError, StoreFileError, exportFromStore, importIntoStore, parseAnnotationDocument,
  toAnnotationCollection, toCsv, toMarkdown,
} from '../core/annotations';
import { CliError, describeFsError, readArticleUnder, readTextFile } from './io';
import { NodeFileHost } from './nodeFileHost';

const USAGE = 'usage: news-annotator annotations import WORKSPACE FILE | export WORKSPACE [--format jsonld|csv|md]';

/** Exit status of an export that skipped unreadable store files (EX_DATAERR). */
const EXIT_INCOMPLETE = 65;

/** `annotations import WORKSPACE FILE` and `annotations export WORKSPACE [--format jsonld|csv|md]`. */
export async function runAnnotations(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'import') return runImport(rest);
  if (action === 'export') return runExport(rest);
  throw new CliError(action === undefined ? USAGE : `unknown annotations action '${action}' (${USAGE})`);
}

function workspaceFolder(argument: string | undefined): string {
  if (argument === undefined) throw new CliError(USAGE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(argument);
  } catch (err) {
    throw new CliError((err as NodeJS.ErrnoException).code === 'ENOENT' ? `${argument}: no such folder` : describeFsError(err, argument) ?? `${argument}: cannot read`);
  }
  if (!stat.isDirectory()) throw new CliError(`${argument}: not a folder`);
  return path.resolve(argument);
}

async function runImport(args: string[]): Promise<number> {
  const [workspaceArg, file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new CliError(USAGE);
  const root = workspaceFolder(workspaceArg);
  let json: unknown;
  try {
    json = JSON.parse(readTextFile(file));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const store = new AnnotationStore(new NodeFileHost(root));
  try {
    const annotations = parseAnnotationDocument(json, pathToFileURL(root).href);
    const summary = await importIntoStore(store, annotations);
    const again = summary.alreadyStored > 0 ? ` (${summary.alreadyStored} already stored, left as they were)` : '';
    process.stderr.write(`imported ${summary.imported} annotation(s) into ${summary.articles.length} store file(s)${again}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(`${file}: ${err.message}`);
    if (err instanceof PartialImportError || err instanceof StoreFileError || err instanceof ArticlePathError || err instanceof StoreBusyError) throw new CliError(err.message);
    throw err;
  }
}

async function runExport(args: string[]): Promise<number> {
  let format = 'jsonld';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-')) throw new CliError(`unknown option '${arg}' (${USAGE})`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CliError(USAGE);
  if (format !== 'jsonld' && format !== 'csv' && format !== 'md') throw new CliError(`unknown format '${format}' (jsonld, csv or md)`);
  const root = workspaceFolder(positional[0]);
  const store = new AnnotationStore(new NodeFileHost(root));
  const items = await exportFromStore(store, async (article) => readArticleUnder(root, article));
  const output = format === 'csv' ? toCsv(items) : format === 'md' ? toMarkdown(items) : `${JSON.stringify(toAnnotationCollection(items), null, 2)}\n`;
  process.stdout.write(output);
  // The readable stores are exported; the run still fails, so a script does not take a partial export for a whole one.
  const skipped = store.problems();
  for (const problem of skipped) process.stderr.write(`news-annotator: skipped ${problem.message}\n`);
  if (skipped.length > 0) {
    process.stderr.write(`news-annotator: export incomplete: ${skipped.length} store file(s) skipped (${skipped.map((p) => p.storePath).join(', ')})\n`);
    return EXIT_INCOMPLETE;
  }
  return 0;
}

