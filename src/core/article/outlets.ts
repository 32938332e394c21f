import catalogueData from '../../../models/outlets.json';
import type { Outlet } from '../types';
import { datesInLine } from './datelines';

/** A news outlet the parser knows by name. */
export interface KnownOutlet {
  /** Canonical name. */
  name: string;
  /** Other ways the text may write it (abbreviations, without "The", its domain). Matched case-insensitively. */
  aliases: string[];
  /** Web domains (`bbc.co.uk`), matched on their own or as a suffix of a longer host. */
  domains?: string[];
  /** A news agency whose copy other sites carry (AP, Reuters, AFP). */
  wire?: boolean;
}

/**
 * A small curated list: outlets that appear in scraped articles often enough that their short forms
 * ("FAN", "NTD", "AP") must be recognised, and the wire services. The shipped catalogue
 * (`models/outlets.json`, built by scripts/build-outlet-catalogue.ts) adds a few hundred more.
 */
export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { name: 'Free America Network', aliases: ['FAN'] },
  { name: 'The Epoch Times', aliases: ['Epoch Times', 'ET'], domains: ['theepochtimes.com'] },
  { name: 'NTD', aliases: ['NTD News', 'NTD Television', 'New Tang Dynasty Television', 'ntd'], domains: ['ntd.com'] },
  { name: 'Reuters', aliases: ['REUTERS', 'Thomson Reuters'], domains: ['reuters.com'], wire: true },
  { name: 'Associated Press', aliases: ['AP', 'The Associated Press', 'Associated Press News'], domains: ['apnews.com'], wire: true },
  { name: 'Agence France-Presse', aliases: ['AFP', 'Agence France Presse'], domains: ['afp.com'], wire: true },
  { name: 'BBC News', aliases: ['BBC'], domains: ['bbc.co.uk', 'bbc.com'] },
  { name: 'CNN', aliases: [], domains: ['cnn.com'] },
  { name: 'CNBC', aliases: [], domains: ['cnbc.com'] },
  { name: 'Fox News', aliases: [], domains: ['foxnews.com'] },
  { name: 'The New York Times', aliases: ['New York Times', 'NYT'], domains: ['nytimes.com'] },
  { name: 'The Washington Post', aliases: ['Washington Post'], domains: ['washingtonpost.com'] },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'], domains: ['wsj.com'] },
  { name: 'Financial Times', aliases: ['The Financial Times', 'FT'], domains: ['ft.com'] },
  { name: 'Bloomberg', aliases: ['Bloomberg News'], domains: ['bloomberg.com'] },
  { name: 'The Guardian', aliases: ['Guardian'], domains: ['theguardian.com'] },
  { name: 'Al Jazeera', aliases: [], domains: ['aljazeera.com'] },
  { name: 'NPR', aliases: [], domains: ['npr.org'] },
  { name: 'Politico', aliases: ['POLITICO'], domains: ['politico.com'] },
  { name: 'The Hill', aliases: [], domains: ['thehill.com'] },
  { name: 'Breitbart', aliases: ['Breitbart News'], domains: ['breitbart.com'] },
  { name: 'USA Today', aliases: ['USA TODAY'], domains: ['usatoday.com'] },
  { name: 'Xinhua', aliases: ['Xinhua News Agency'], domains: ['xinhuanet.com'] },
];

interface CatalogueFile {
  outlets: { name: string; aliases: string[]; domains: string[]; weak?: string[] }[];
}

// Words of navigation and section names that sit where a site name would ("… | Most Popular", "… - News").
const NOT_AN_OUTLET = new Set([
  'home', 'news', 'latest', 'latest news', 'breaking news', 'top stories', 'most popular', 'popular', 'video', 'videos', 'opinion',
  'sport', 'sports', 'world', 'business', 'politics', 'entertainment', 'technology', 'tech', 'health', 'science', 'local',
  'lifestyle', 'culture', 'travel', 'money', 'economy', 'economia', 'finanzas', 'deportes', 'noticias', 'nacional', 'internacional', 'blog',
  'article', 'articles', 'story', 'menu', 'search', 'photos', 'gallery', 'live', 'updates', 'us', 'uk', 'u.s.', 'comments', 'all', 'more', 'recent', 'related', 'featured', 'trending',
]);

const byAlias = new Map<string, KnownOutlet>();
// Catalogue forms that are ordinary words or places ("Fortune", "The Week", "Tanzania"): a line may say them
// without naming a site, so they count only where a page names itself (title suffix, copyright line).
const byWeakAlias = new Map<string, KnownOutlet>();
const byDomain = new Map<string, KnownOutlet>();
function addOutlet(outlet: KnownOutlet, weakForms: readonly string[] = []): void {
  const weak = new Set(weakForms.map((a) => a.toLowerCase()));
  // An outlet already known under one of its names (the curated list comes first) absorbs the entry's other forms.
  const keys = [outlet.name, ...outlet.aliases].map((a) => a.toLowerCase());
  const strongKeys = keys.filter((k) => !weak.has(k));
  const existing =
    strongKeys.map((k) => byAlias.get(k)).find((o) => o) ??
    (outlet.domains ?? []).map((d) => byDomain.get(d)).find((o) => o) ??
    keys.map((k) => byWeakAlias.get(k)).find((o) => o);
  const target = existing ?? outlet;
  for (const k of keys) {
    // A catalogue's "The News" or "Finanzas" is also every site's section name: never read as a site.
    if (byAlias.has(k) || NOT_AN_OUTLET.has(k) || NOT_AN_OUTLET.has(k.replace(/^the\s+/, ''))) continue;
    if (!weak.has(k)) byAlias.set(k, target);
    else if (!byWeakAlias.has(k)) byWeakAlias.set(k, target);
  }
  for (const d of outlet.domains ?? []) {
    if (!byDomain.has(d)) byDomain.set(d, target);
    if (!byAlias.has(d)) byAlias.set(d, target);
  }
}
for (const o of KNOWN_OUTLETS) addOutlet(o);
for (const o of (catalogueData as CatalogueFile).outlets) addOutlet({ name: o.name, aliases: o.aliases, domains: o.domains }, o.weak);

/** How many outlets the parser knows by name (curated list and catalogue). */
export const KNOWN_OUTLET_COUNT = new Set([...byAlias.values(), ...byWeakAlias.values()]).size;

/**
 * The known outlet a name, alias or domain refers to (case-insensitive; `www.` and a leading "The" optional), if any.
 * `selfNamed`: the text is where a page names its own site (title suffix, copyright line), so a catalogue name that
 * is an ordinary word or a place ("Fortune") counts too.
 */
export function lookUpOutlet(nameOrAlias: string, selfNamed = false): KnownOutlet | undefined {
  const key = nameOrAlias.trim().toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/, '').replace(/\/.*$/, '');
  const bare = key.replace(/^the\s+/, '');
  const hit = byAlias.get(key) ?? byAlias.get(bare) ?? (selfNamed ? byWeakAlias.get(key) ?? byWeakAlias.get(bare) : undefined);
  if (hit) return hit;
  // A host under a known domain (edition.cnn.com).
  const parts = key.split('.');
  for (let i = 1; i < parts.length - 1; i++) {
    const d = byDomain.get(parts.slice(i).join('.'));
    if (d) return d;
  }
  return undefined;
}

/** Canonical outlet name: the known outlet's name, or the text as written. */
export function canonicalOutletName(nameOrAlias: string): string {
  return lookUpOutlet(nameOrAlias)?.name ?? nameOrAlias.trim();
}

/** Where on the page a piece of outlet evidence was read. */
export type OutletEvidenceKind =
  | 'titleSuffix' // "… | The New York Times"
  | 'copyright' // "© 2019 The Washington Post"
  | 'siteName' // "X Articles", a newsletter of X, a staff byline of X
  | 'from' // "From The Epoch Times": the article's origin, carried by the site
  | 'wire'; // a news agency named in the byline or credit

/** One name the page gives for where it comes from. */
export interface OutletEvidence {
  kind: OutletEvidenceKind;
  text: string;
}


/**
 * True for text that can stand as an outlet's name: short, named, not a section or menu word, not a date, not a
 * place line ("Eugene, OR"). `lenient` (a title's site suffix) also takes lower-case names ("eHow", "mirror").
 */
export function looksLikeOutletName(text: string, lenient = false): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 50) return false;
  const words = t.split(/\s+/);
  if (words.length > (lenient ? 7 : 6)) return false;
  if (NOT_AN_OUTLET.has(t.toLowerCase())) return false;
  if (/^[\d\s.,:/-]+$/.test(t) || /\b(?:19|20)\d\d\b/.test(t) && /\d{1,2}[./:]\d/.test(t)) return false;
  if (/^[\p{Lu}][\p{L} .'’-]+, [A-Z]{2}$/u.test(t) || datesInLine(t).length) return false;
  if (/[.!?]$/.test(t) && !/\.\w{2,6}$/.test(t)) return false;
  if (/^by\s/i.test(t)) return false;
  // Scripts without case (Arabic, CJK, Devanagari) start a name with any of their letters.
  return /^[\p{Lu}\p{N}\p{Lo}]/u.test(t) || /^[\p{Ll}][\p{L}\d-]*\.[a-z.]{2,}$/u.test(t) || (lenient && words.length === 1 && /^\p{L}/u.test(t));
}

/**
 * Decides an article's outlet from the evidence its page gives. A known outlet beats a name only the page states;
 * the title's site suffix beats a copyright line, which beats the other site names. "From X" names the origin,
 * carried by the site (`via`); a wire service named in the byline is the origin of a page another site carries.
 * Returns null when nothing names an outlet.
 */
export function decideOutlet(evidence: readonly OutletEvidence[]): Outlet | null {
  const rank: Record<OutletEvidenceKind, number> = { titleSuffix: 0, copyright: 1, siteName: 2, from: 3, wire: 4 };
  let site: { name: string; known: boolean; rank: number } | undefined;
  let origin: string | undefined;
  let wire: string | undefined;
  for (const e of evidence) {
    const selfNamed = e.kind === 'titleSuffix' || e.kind === 'copyright';
    const strong = lookUpOutlet(e.text);
    // A name that is an ordinary word or place is known by its spelling; outside the title's site suffix it ranks
    // as a name the page merely states.
    const known = strong ?? (selfNamed ? lookUpOutlet(e.text, true) : undefined);
    const trusted = !!strong || (!!known && e.kind === 'titleSuffix');
    if (e.kind === 'from') {
      origin ??= known?.name ?? e.text.trim();
      continue;
    }
    if (e.kind === 'wire') {
      if (known) wire ??= known.name;
      continue;
    }
    if (!known && (!looksLikeOutletName(e.text, e.kind === 'titleSuffix') || e.kind === 'siteName' && !/^[\p{Lu}\p{Lo}]/u.test(e.text.trim()))) continue;
    const candidate = { name: known?.name ?? e.text.trim(), known: trusted, rank: rank[e.kind] };
    if (!site || (candidate.known && !site.known) || (candidate.known === site.known && candidate.rank < site.rank)) site = candidate;
  }
  if (origin) return { name: origin, via: site && site.name !== origin ? site.name : null };
  if (wire && site && site.name !== wire && !lookUpOutlet(site.name)?.wire) return { name: wire, via: site.name };
  if (site) return { name: site.name, via: null };
  return wire ? { name: wire, via: null } : null;
}
