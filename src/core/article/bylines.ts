import type { Span } from '../types';
import { isBoilerplateWord, type Block } from './blocks';
import { lookUpOutlet, type OutletEvidence } from './outlets';

/**
 * True for a word that running text writes in lower case (from the model's word list): a "name" made only of
 * such words ("Tech Industry", "Recent Features") is a heading, not a person.
 */
export type IsCommonWord = (lowerCased: string) => boolean;

const commonName = (name: string, common: IsCommonWord | undefined) =>
  !!common && name.trim().split(/\s+/).every((t) => common(t.toLowerCase().replace(/[.,]$/, '')));

/** An author read off a byline, with where the name is written. */
export interface AuthorFound {
  name: string;
  span: Span;
}

const BY = /^(?:by|written by|posted by|words by|story by|reporting by|text by|von|por|par|door|di)\s*:?\s+(.{2,})/i;
const DATE_THEN_BY = /^(?:on\s+|posted\s+(?:on\s+)?|published\s+(?:on\s+)?)?[^\n]{0,40}?\d[^\n]{0,30}?\s+(?:by|por|von|par)\s*:?\s+([^\d]{2,80})$/i;

/** True for a line that opens like a byline ("By …", "Posted by: …", "Por …"), however long it runs on. */
export function opensByline(text: string): boolean {
  return BY.test(text);
}

// What follows the names in a byline: "on February 18, 2020", "in Showbiz", "(photography)".
const AFTER_NAMES = /\s+(?:on|at|am|le|el|em|in|for|para|pour|für)\s.*$|\s*\(.*$/i;
const BIO = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+(?:is|was|covers|writes|reports|has been|arrives|joined|lives)\s/u;
const ROLE = String.raw`(?:senior |chief |staff |special |contributing |political |national |foreign |investigative |associate |managing |deputy |health |science |tech(?:nology)? |business |sports? |entertainment |news )*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|photographer)s?`;
const NAME_WITH_ROLE = new RegExp(String.raw`^(.{3,60}?)\s*(?:,|\||–|—|-)\s*(?:the\s+)?(?:[\p{L}.&' ]{1,40}\s)?${ROLE}\b.{0,60}$`, 'iu');
const STAFF_BYLINE = /^([A-Z][\w.&'’ -]{0,40}?)\s+(Editor|Editors|Staff|Staff Writer|Staff Reporter|Newsroom|News Desk|Desk|Wire|Reporter|Team)$/;
const TRAILING_ROLE = new RegExp(String.raw`\s*(?:,\s*)?(?:the\s+)?${ROLE}$`, 'i');
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*|Jr\.|Sr\.|St\.|de|da|del|della|van|von|der|den|bin|al|la|le|du|dos|ten|ter|e|y)$/u;
// Words that sit in name position in bylines and section lines but never in a person's name.
const NOT_NAME_WORDS = new Set([
  'staff', 'news', 'editor', 'editors', 'team', 'desk', 'newsroom', 'wire', 'reporter', 'correspondent', 'press', 'agency', 'media',
  'online', 'daily', 'times', 'post', 'journal', 'herald', 'tribune', 'television', 'radio', 'network', 'group', 'service',
  'updated', 'published', 'posted', 'share', 'comments', 'follow', 'email', 'more', 'read', 'and', 'photo', 'photos', 'video',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'most', 'top', 'latest', 'breaking', 'why', 'how', 'what', 'who', 'when', 'where', 'the', 'of', 'from', 'engineer', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'contributor', 'contributors', 'guest', 'admin',
]);

/**
 * True for a person's name by its shape: two to five name-like tokens, the first and last capitalised
 * ("Cathy He", "Jean-Luc de la Tour"), not all capitals, no byline or calendar word.
 */
export function looksLikePersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!/^\p{Lu}/u.test(tokens[0]) || !/^\p{Lu}/u.test(tokens[tokens.length - 1])) return false;
  if (tokens.every((t) => t === t.toUpperCase() && t.length > 1)) return false; // "FAN EDITOR", "NTD NEWS"
  if (tokens.some((t) => {
    const w = t.toLowerCase().replace(/[.,]$/, '');
    return NOT_NAME_WORDS.has(w) || isBoilerplateWord(w);
  })) return false;
  return tokens.every((t) => NAME_TOKEN.test(t));
}

/**
 * The authors a byline-position block names: "By X and Y", "X, Staff Writer", "X | Reporter", "Written by X",
 * "Posted by X", or a bare name when the classifier labelled the block a byline. Outlet names met on the way
 * ("By Jane Doe, Reuters", "FAN Editor") are outlet evidence, not people.
 */
export function readBylines(block: Block, labelledByline: boolean, evidence: OutletEvidence[], common?: IsCommonWord): AuthorFound[] {
  const t = block.text;
  const staff = STAFF_BYLINE.exec(t);
  if (staff) {
    const known = lookUpOutlet(staff[1]);
    evidence.push({ kind: known?.wire ? 'wire' : 'siteName', text: known ? known.name : staff[1] });
    return [];
  }
  const by = BY.exec(t);
  if (by) {
    // The names come first; a byline that runs on into a sentence stops at its first full stop after them.
    const list = by[1].slice(0, 140).replace(/(?<=\p{Ll}{2})\.\s.*$/u, '');
    return namesInList(list, block.start + by.index + by[0].length - by[1].length, evidence, common);
  }
  if (t.length > 160) return [];
  // A dateline that ends with its byline: "on March 10, 2015 by Nikhil Marathe", "12/03/2020 por Ana Ruiz".
  const dated = DATE_THEN_BY.exec(t);
  if (dated) return namesInList(dated[1], block.start + dated.index + dated[0].length - dated[1].length, evidence, common);
  const role = NAME_WITH_ROLE.exec(t);
  if (role && looksLikePersonName(role[1].trim()) && !commonName(role[1], common)) return [{ name: role[1].trim(), span: { start: block.start, end: block.start + role[1].trim().length } }];
  if (labelledByline && looksLikePersonName(t) && !commonName(t, common) && !lookUpOutlet(t)) return [{ name: t, span: { start: block.start, end: block.end } }];
  return [];
}

function namesInList(list: string, offset: number, evidence: OutletEvidence[], common: IsCommonWord | undefined): AuthorFound[] {
  const out: AuthorFound[] = [];
  const part = /[^,&|;/•·]+/g;
  let m: RegExpExecArray | null;
  while ((m = part.exec(list))) {
    if (/\d/.test(m[0].replace(AFTER_NAMES, ''))) break; // a date or time after the names
    for (const piece of splitOnAnd(m[0], m.index)) {
      if (/\((?:photo|photos|photography|pictures|video|illustrations?)\)/i.test(piece.text)) continue;
      const raw = piece.text.replace(AFTER_NAMES, '').replace(TRAILING_ROLE, '');
      const name = raw.trim();
      if (!name) continue;
      const lead = raw.length - raw.trimStart().length;
      const known = lookUpOutlet(name);
      const staff = STAFF_BYLINE.exec(name);
      if (known) evidence.push({ kind: known.wire ? 'wire' : 'siteName', text: known.name });
      else if (staff) evidence.push({ kind: 'siteName', text: staff[1] });
      else if (looksLikePersonName(name) && !commonName(name, common) && !out.some((a) => a.name === name)) {
        const start = offset + piece.offset + lead;
        out.push({ name, span: { start, end: start + name.length } });
      }
    }
  }
  return out;
}

function splitOnAnd(s: string, offset: number): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /\s+(?:and|und|y|e|et|en)\s+/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push({ text: s.slice(last, m.index), offset: offset + last });
    last = m.index + m[0].length;
  }
  out.push({ text: s.slice(last), offset: offset + last });
  return out;
}

/** The person an author's note names ("Sarah Archer is the author of …"), as an author. */
export function readAuthorBio(block: Block, common?: IsCommonWord): AuthorFound | undefined {
  if (block.text.length > 400) return undefined;
  const m = BIO.exec(block.text);
  if (!m || !looksLikePersonName(m[1]) || commonName(m[1], common) || lookUpOutlet(m[1])) return undefined;
  return { name: m[1], span: { start: block.start, end: block.start + m[1].length } };
}
