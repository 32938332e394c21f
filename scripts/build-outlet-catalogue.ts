// `npm run build:outlets [FUNDUS_PUBLISHERS_DIR] [FREEBIE_WEBSOURCES_CSV]`: builds models/outlets.json, the catalogue
// of news outlets the article parser recognises by name, alias or domain, from two MIT-licensed lists:
// - the publisher list of flairNLP/fundus (`src/fundus/publishers/<country>/__init__.py`, each
//   `Publisher(name=..., domain=...)`; default /work/data-cache/fundus/src/fundus/publishers);
// - the news web sources of savkov/freebie (`freebie/websources.csv`: name, language, country, url; default
//   /work/data-cache/freebie/websources.csv), less its NGOs and public bodies.
// The downloads stay outside the repository. A site both lists name keeps fundus's name and gains the other as an
// alias. Names that are one ordinary word or only common words ("Fortune", "The Week") are listed as `weak`: the
// parser takes them only where a site names itself (title suffix, copyright line), never from a line alone.
// Deterministic: outlets sorted by name, aliases sorted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SOURCE = process.argv[2] ?? '/work/data-cache/fundus/src/fundus/publishers';
const FREEBIE = process.argv[3] ?? '/work/data-cache/freebie/websources.csv';
const OUT = resolve(__dirname, '..', 'models', 'outlets.json');
const BLOCK_MODEL = resolve(__dirname, '..', 'models', 'article-blocks.json');
// Place names: the words of CoNLL-2003 eng.train LOC names ("Chicago", "New York"): a masthead of only those is weak.
const CONLL_TRAIN = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'conll2003', 'eng.train');
const BBC = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'bbc');
// freebie lists campaigners and public bodies beside news sites; their pages are not news outlets.
const NOT_NEWS =
  /\b(?:organi[sz]ation|council|campaign|commission|movement|platform|coalition|cent(?:er|re) for|ministry|department|watch|institute|alliance|committee|foundation|fund|society|amnesty|red cross|united nations|wildlife|rights|union for|network for|federation|association|greenpeace|ngo)\b/i;
const PUBLISHER = /\n {4}(\w+) = Publisher\(\s*name="([^"]+)",\s*domain="([^"]+)"/g;

interface CatalogueOutlet {
  name: string;
  aliases: string[];
  domains: string[];
  country: string;
  /** Forms that are one ordinary word or only common words: evidence only where the site names itself. */
  weak?: string[];
}

function aliasesOf(className: string, name: string, domain: string): { name: string; aliases: string[] } {
  const aliases = new Set<string>();
  let canonical = name.trim();
  // "Bayerischer Rundfunk (BR)": the bracketed part is the short form.
  const bracket = /^(.*?)\s*\(([^()]+)\)$/.exec(canonical);
  if (bracket) {
    canonical = bracket[1];
    // "Euronews (en)": a language edition, not a short form.
    if (!/^(?:en|de|fr|es|it|pt|ru|ar|tr|nl|pl|zh|ja)$/i.test(bracket[2])) aliases.add(bracket[2]);
  }
  if (/^the\s/i.test(canonical)) aliases.add(canonical.replace(/^the\s+/i, ''));
  // The class name where it is a written form ("CNBC", "TagesAnzeiger" is not, "SpiegelOnline" is not).
  if (/^[A-Z0-9]{2,}$/.test(className)) aliases.add(className);
  aliases.add(domain);
  aliases.delete(canonical);
  return { name: canonical, aliases: [...aliases].filter((a) => a.length >= 2).sort() };
}

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, comma-separated, one record a line. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let v = '';
        i++;
        while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
          v += line[i] === '"' ? '"' : line[i];
          i += line[i] === '"' ? 2 : 1;
        }
        fields.push(v);
        i += 2;
      } else {
        const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i);
        fields.push(line.slice(i, end));
        i = end + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return undefined;
  }
}

function freebieOutlets(): CatalogueOutlet[] {
  const [header, ...rows] = csvRows(readFileSync(FREEBIE, 'utf8'));
  const col = (n: string) => header.indexOf(n);
  const out: CatalogueOutlet[] = [];
  for (const r of rows) {
    const name = r[col('name')]?.trim();
    const domain = hostOf(r[col('url')] ?? '');
    // Some rows were saved through a wrong encoding ("Clar\uFFFD_n"): their name is not the outlet's.
    if (!name || !domain || NOT_NEWS.test(name) || /[\uFFFD\u0300-\u036f]|Ã|Â/.test(name) || /\.(?:gov|int|mil)(?:\.[a-z]{2})?$|(?:^|\.)un\.org$/.test(domain)) continue;
    const { name: canonical, aliases } = aliasesOf('', name, domain);
    out.push({ name: canonical, aliases, domains: [domain], country: (r[col('cca')] ?? '').toLowerCase() });
  }
  return out;
}

/**
 * Place-name words of CoNLL-2003 eng.train, and ordinary words: those written in lower case at least twice in
 * eng.train or the BBC News articles.
 */
function referenceWords(): { places: Set<string>; ordinary: Set<string> } {
  const places = new Set<string>();
  const lower = new Map<string, number>();
  const count = (w: string) => {
    if (/^\p{Ll}+$/u.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
  };
  for (const line of readFileSync(CONLL_TRAIN, 'utf8').split('\n')) {
    const cols = line.split(' ');
    if (cols[3]?.endsWith('-LOC')) places.add(cols[0].toLowerCase());
    count(cols[0]);
  }
  for (const topic of readdirSync(BBC).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(BBC, topic)).sort();
    } catch {
      continue;
    }
    for (const f of files) for (const w of readFileSync(join(BBC, topic, f), 'latin1').split(/[^\p{L}]+/u)) count(w);
  }
  return { places, ordinary: new Set([...lower].filter(([, n]) => n >= 2).map(([w]) => w)) };
}

/**
 * The forms of an outlet that are one ordinary word or place ("Fortune", "Tanzania"), or several words all ordinary
 * ("The Week", "Daily News") or all places, once "The" is set aside; an acronym ("CNBC"), a word of its own
 * ("Haaretz") and a place with a masthead word ("Bangkok Post") are not.
 */
function weakForms(o: CatalogueOutlet, common: Set<string>, places: Set<string>): string[] {
  const minor = (w: string) => /^(?:of|and|&|a|de|la|le|el|the)$/i.test(w);
  return [o.name, ...o.aliases].filter((form) => {
    if (o.domains.includes(form)) return false;
    const words = form.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
    if (words.length === 1 && /^[\p{Lu}\d&]{2,}$/u.test(words[0])) return false;
    // Lower-case forms ("cnbc", "taz") are a class name's, never how a page writes a masthead in prose.
    if (words.length === 1 && /^[\p{Ll}\d]+$/u.test(words[0])) return true;
    if (words.length === 1) return common.has(words[0].toLowerCase()) || places.has(words[0].toLowerCase());
    return words.every((w) => minor(w) || common.has(w.toLowerCase())) || words.every((w) => minor(w) || places.has(w.toLowerCase()));
  });
}

function main(): void {
  const outlets: CatalogueOutlet[] = [];
  for (const country of readdirSync(SOURCE).sort()) {
    let text: string;
    try {
      text = readFileSync(join(SOURCE, country, '__init__.py'), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(PUBLISHER)) {
      const domain = new URL(m[3]).hostname.replace(/^www\./, '');
      const { name, aliases } = aliasesOf(m[1], m[2], domain);
      outlets.push({ name, aliases, domains: [domain], country });
    }
  }
  const fundusCount = outlets.length;
  const byDomain = new Map(outlets.map((o) => [o.domains[0], o]));
  let added = 0;
  for (const o of freebieOutlets()) {
    const same = byDomain.get(o.domains[0]);
    if (same) {
      const forms = new Set([...same.aliases, ...(o.name === same.name ? [] : [o.name]), ...o.aliases.filter((a) => a !== same.name)]);
      same.aliases = [...forms].sort();
      continue;
    }
    byDomain.set(o.domains[0], o);
    outlets.push(o);
    added++;
  }
  const common = new Set((JSON.parse(readFileSync(BLOCK_MODEL, 'utf8')) as { commonWords?: string[] }).commonWords ?? []);
  const { places, ordinary } = referenceWords();
  for (const w of ordinary) common.add(w);
  for (const o of outlets) {
    const weak = weakForms(o, common, places);
    if (weak.length) o.weak = weak.sort();
    else delete o.weak;
  }
  outlets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.domains[0] < b.domains[0] ? -1 : 1));
  const source = 'flairNLP/fundus src/fundus/publishers (MIT licence); savkov/freebie freebie/websources.csv (MIT licence)';
  const json = JSON.stringify({ source, outlets }) + '\n';
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}: ${outlets.length} outlets (fundus ${fundusCount}, freebie ${added} more), ${json.length} bytes`);
}

main();
