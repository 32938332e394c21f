import { parseArticle } from '../core/article';
import { ArticleExtractor, ALL_TASKS, nonBodySpans, nonTextSpans, type ExtractionTask } from '../core/extract';
import type { DateMention, EntityMention, ParsedArticle, QuoteMention } from '../core/types';
import { CliError } from './io';
import { loadShippedRecognizer } from './model';

interface InputDocument {
  id: string;
  text: string;
  date: string | null;
}

/** Items of an answer serialized at once (see runExtract). */
const OUTPUT_SLICE = 4096;

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
  let failures = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for await (const { doc } of inputDocuments(process.stdin)) {
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
      entitySkip: nonTextSpans(article),
      tasks,
      onError: (stage, err) => process.stderr.write(`news-annotator extract: ${doc.id}: ${stage} failed: ${err instanceof Error ? err.message : String(err)}\n`),
    });
    const fields: [string, readonly unknown[], (item: never) => unknown][] = [
      ['people', analysis.entities.filter((e) => e.type === 'person'), ({ start, end }: EntityMention) => ({ start, end })],
      ['dates', analysis.dates, ({ start, end, value, type }: DateMention) => ({ start, end, value, type })],
      ['quotes', analysis.quotes, ({ start, end, speaker }: QuoteMention) => ({ start, end, speaker: speaker ? { start: speaker.start, end: speaker.end } : null })],
      ['entities', analysis.entities, ({ start, end, type, name }: EntityMention) => ({ start, end, type, name })],
    ];
    // The same bytes as JSON.stringify of the whole answer, written a slice of items at a time: a
    // 50 MB article's answer is about a million items, whose one string (and its copies on the way
    // out) would be the largest thing in memory.
    out.push(`{"id":${JSON.stringify(doc.id)}`);
    for (const [name, items, shape] of fields) {
      out.push(`,"${name}":[`);
      for (let i = 0; i < items.length; i += OUTPUT_SLICE) {
        out.push((i > 0 ? ',' : '') + items.slice(i, i + OUTPUT_SLICE).map((item) => JSON.stringify(shape(item as never))).join(','));
        if (out.length >= 64) flush();
      }
      out.push(']');
    }
    out.push(`,"article":${JSON.stringify(articleField(article))}}\n`);
    if (out.length >= 64) flush();
  }
  flush();
  return failures ? 65 : 0;
}

/**
 * The documents of a JSON Lines stream, parsed one line at a time (`\n` or `\r\n` ends a line; blank
 * lines are skipped), each with its line number or, for a bad line, the reason as a string. The line's
 * bytes and text are dropped once parsed, before the document is analysed: a 50 MB line held while its
 * text is analysed (as readline's line would be) costs hundreds of megabytes more at the peak.
 */
async function* inputDocuments(input: AsyncIterable<Buffer | string>): AsyncGenerator<{ lineNumber: number; doc: InputDocument | string }> {
  let pending: Buffer[] = [];
  let lineNumber = 0;
  // The line is joined, decoded and parsed here, so nothing of it stays referenced while the generator waits.
  const take = (parts: Buffer[]): { lineNumber: number; doc: InputDocument | string } | undefined => {
    lineNumber++;
    const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    const line = bytes.toString('utf8', 0, end);
    return line.trim() ? { lineNumber, doc: parseInputLine(line, lineNumber) } : undefined;
  };
  for await (const chunk of input) {
    let rest = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = rest.indexOf(10); nl >= 0; nl = rest.indexOf(10)) {
      const parts = [...pending, rest.subarray(0, nl)];
      pending = [];
      rest = rest.subarray(nl + 1);
      const parsed = take(parts);
      parts.length = 0;
      if (parsed) yield parsed;
    }
    if (rest.length) pending.push(rest);
  }
  if (pending.length) {
    const parsed = take(pending);
    pending = [];
    if (parsed) yield parsed;
  }
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
