import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationStore, anchorTarget, articleTargetOf } from '../core/annotations';
import { type Claim, type ClaimReviewSettings, type LocatedClaim, claimsToCsv, describeClaim, isClaim, toClaimReviews } from '../core/claims';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { CliError, readArticleUnder } from './io';
import { createAnalyser, modelVersion } from './indexCommand';
import { NodeFileHost } from './nodeFileHost';
import { NodeWorkspaceHost } from './nodeWorkspaceHost';

const USAGE = 'usage: news-annotator claims export WORKSPACE [--format claimreview|csv] [--organization NAME] [--url-template URL] [--rating-scale "A,B,C"]';

/** The rating scale VS Code offers when the setting is not changed (package.json). */
const DEFAULT_RATING_SCALE = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'];

/**
 * `claims export WORKSPACE`: indexes the folder, reads its claims (assessing annotations) from the
 * annotation store and prints them as a JSON array of ClaimReview objects, or as CSV. The reviewing
 * organisation, the URL template and the rating scale come from the folder's `.vscode/settings.json`
 * (the same `newsAnnotator.*` settings as in VS Code), overridden by the options.
 */
export async function runClaims(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'export') throw new CliError(action === undefined ? USAGE : `unknown claims action '${action}' (${USAGE})`);
  const options = parseOptions(rest);
  const root = workspaceFolder(options.positional[0]);
  const settings = { ...settingsOf(root), ...options.settings };
  const claims = await claimsOf(root);
  if (options.format === 'csv') {
    process.stdout.write(claimsToCsv(claims));
    return 0;
  }
  const { reviews, warnings } = toClaimReviews(claims, settings);
  for (const warning of warnings) process.stderr.write(`news-annotator: warning: ${warning}\n`);
  process.stdout.write(`${JSON.stringify(reviews, null, 2)}\n`);
  return 0;
}

interface ClaimsOptions {
  format: 'claimreview' | 'csv';
  positional: string[];
  settings: Partial<ClaimReviewSettings>;
}

function parseOptions(args: string[]): ClaimsOptions {
  const out: ClaimsOptions = { format: 'claimreview', positional: [], settings: {} };
  const settings: { -readonly [K in keyof ClaimReviewSettings]?: ClaimReviewSettings[K] } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--format') {
      const format = value();
      if (format !== 'claimreview' && format !== 'csv') throw new CliError(`unknown format '${format}' (claimreview or csv)`);
      out.format = format;
    } else if (name === '--organization') settings.organization = value();
    else if (name === '--url-template') settings.urlTemplate = value();
    else if (name === '--rating-scale') settings.ratingScale = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (name.startsWith('-')) throw new CliError(`unknown option '${name}' (${USAGE})`);
    else out.positional.push(arg);
  }
  if (out.positional.length !== 1) throw new CliError(USAGE);
  out.settings = settings;
  return out;
}

function workspaceFolder(argument: string | undefined): string {
  if (argument === undefined) throw new CliError(USAGE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(argument);
  } catch {
    throw new CliError(`${argument}: no such folder`);
  }
  if (!stat.isDirectory()) throw new CliError(`${argument}: not a folder`);
  return path.resolve(argument);
}

/** Every claim of the folder, computed over a fresh index of its articles, by first appearance then path. */
export async function claimsOf(root: string): Promise<Claim[]> {
  const store = new AnnotationStore(new NodeFileHost(root));
  const articles = await store.loadAll();
  for (const problem of store.problems()) process.stderr.write(`news-annotator: warning: ${problem.message}\n`);
  const located: LocatedClaim[] = [];
  for (const article of articles) {
    const text = readArticleUnder(root, article);
    for (const annotation of store.annotationsOf(article).filter(isClaim).sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))) {
      const target = articleTargetOf(annotation);
      const anchor = text === undefined || !target ? undefined : anchorTarget(text, target);
      if (!anchor || anchor.kind === 'orphan') process.stderr.write(`news-annotator: warning: claim ${annotation.id} is no longer found in ${article}\n`);
      located.push({ annotation, ...(text !== undefined ? { file: article } : {}), ...(anchor && anchor.kind !== 'orphan' ? { range: { start: anchor.start, end: anchor.end } } : {}) });
    }
  }
  store.dispose();
  if (located.length === 0) return [];
  const { analyze, dispose } = createAnalyser();
  const index = new WorkspaceIndex(new NodeWorkspaceHost(root), analyze, { modelVersion: modelVersion(), yieldToHost: () => Promise.resolve(), sliceMs: 1e9 });
  try {
    await index.build();
  } finally {
    await dispose();
  }
  const claims = located.map((claim) => describeClaim(claim.file !== undefined && index.article(claim.file) ? claim : { annotation: claim.annotation, ...(claim.range ? { range: claim.range } : {}) }, index, (file) => file));
  index.dispose();
  return claims;
}


/** The `newsAnnotator.*` claim settings of the folder's `.vscode/settings.json` (JSON with comments), if any. */
function settingsOf(root: string): ClaimReviewSettings {
  const fallback: ClaimReviewSettings = { ratingScale: DEFAULT_RATING_SCALE };
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8');
  } catch {
    return fallback;
  }
  let json: unknown;
  try {
    json = JSON.parse(stripJsonComments(text));
  } catch (err) {
    process.stderr.write(`news-annotator: warning: ${path.join(root, '.vscode', 'settings.json')} is not valid JSON (${err instanceof Error ? err.message : String(err)}); using the defaults\n`);
    return fallback;
  }
  if (typeof json !== 'object' || json === null) return fallback;
  const settings = json as Record<string, unknown>;
  const scale = settings['newsAnnotator.ratingScale'];
  const organization = settings['newsAnnotator.claimReview.organization'];
  const urlTemplate = settings['newsAnnotator.claimReview.urlTemplate'];
  return {
    ratingScale: Array.isArray(scale) && scale.length > 0 && scale.every((s) => typeof s === 'string') ? scale : DEFAULT_RATING_SCALE,
    ...(typeof organization === 'string' ? { organization } : {}),
    ...(typeof urlTemplate === 'string' ? { urlTemplate } : {}),
  };
}

/** JSON with `//` and block comments and trailing commas (VS Code's settings format) as plain JSON. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
