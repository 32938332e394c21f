import * as readline from 'node:readline';
import { parseArticle } from '../core/article';
import { ArticleExtractor, ALL_TASKS, nonBodySpans, type ExtractionTask } from '../core/extract';
import type { ParsedArticle } from '../core/types';
import { CliError } from './io';
import { loadShippedRecognizer } from './model';

interface InputDocument {
  id: string;
  text: string;
  date: string | null;
}

const TASK_NAMES: Record<string, ExtractionTask> = { people: 'entities', entities: 'entities', dates: 'dates', quotes: 'quotes' };

/**
 * `extract [--tasks people,dates,quotes]`: the ../shared/eval contract. JSON Lines in
 * (`{"id","text","date"}`), one JSON line out per document (`{"id","people","dates","quotes"}`, plus
 * `entities` with every type, and `article`: headline, authors, date, outlet and body spans as `parse` reads
 * them). Entities, dates and quotes skip the page's boilerplate. A bad input line is reported on stderr with its line number and ends
 * the run with exit 65 after the other documents are answered.
 */
export async function runExtract(args: string[]): Promise<number> {
  const tasks = parseTasks(args);
  const extractor = new ArticleExtractor(loadShippedRecognizer());
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let failures = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const doc = parseInputLine(line, lineNumber);
    if (typeof doc === 'string') {
      process.stderr.write(`news-annotator extract: ${doc}\n`);
      failures++;
      continue;
    }
    const article = extractor.confirmAuthors(doc.text, parseArticle(doc.text));
    // Boilerplate, captions and a repeated title are not the article's text; a document sent without a date
    // has its relative dates resolved against the date its page states.
    const analysis = extractor.analyze(doc.text, {
      date: doc.date ?? article.date,
      skip: nonBodySpans(article),
      tasks,
      onError: (stage, err) => process.stderr.write(`news-annotator extract: ${doc.id}: ${stage} failed: ${err instanceof Error ? err.message : String(err)}\n`),
    });
    out.push(JSON.stringify({
      id: doc.id,
      people: analysis.entities.filter((e) => e.type === 'person').map(({ start, end }) => ({ start, end })),
      dates: analysis.dates.map(({ start, end, value, type }) => ({ start, end, value, type })),
      quotes: analysis.quotes.map(({ start, end, speaker }) => ({ start, end, speaker: speaker ? { start: speaker.start, end: speaker.end } : null })),
      entities: analysis.entities.map(({ start, end, type, name }) => ({ start, end, type, name })),
      article: articleField(article),
    }) + '\n');
    if (out.length >= 64) flush();
  }
  flush();
  return failures ? 65 : 0;
}

function parseTasks(args: string[]): ExtractionTask[] {
  const i = args.indexOf('--tasks');
  if (i < 0) {
    if (args.length) throw new CliError(`extract: unknown argument '${args[0]}'`);
    return [...ALL_TASKS];
  }
  const list = args[i + 1];
  if (!list) throw new CliError('extract: --tasks needs a list such as people,dates');
  return list.split(',').map((name) => {
    const task = TASK_NAMES[name.trim()];
    if (!task) throw new CliError(`extract: unknown task '${name}' (people, dates, quotes)`);
    return task;
  });
}

function parseInputLine(line: string, lineNumber: number): InputDocument | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `line ${lineNumber}: not JSON`;
  }
  if (typeof value !== 'object' || value === null) return `line ${lineNumber}: not a JSON object`;
  const { id, text, date } = value as Record<string, unknown>;
  if (typeof id !== 'string') return `line ${lineNumber}: "id" must be a string`;
  if (typeof text !== 'string') return `line ${lineNumber}: "text" must be a string`;
  if (date != null && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) return `line ${lineNumber}: "date" must be YYYY-MM-DD or null`;
  return { id, text, date: (date as string | null | undefined) ?? null };
}

/** The shared `articles` task's answer: what the parser reads off the page, body as its paragraphs' spans. */
function articleField(article: ParsedArticle) {
  return {
    headline: article.headline,
    authors: article.authors,
    date: article.date,
    // The contract's outlet is the site the page is on: the carrier of a syndicated or wire story.
    outlet: article.outlet ? article.outlet.via ?? article.outlet.name : null,
    body: article.sections.filter((s) => s.kind === 'body').map(({ start, end }) => ({ start, end })),
  };
}
