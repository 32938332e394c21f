/**
 * Runs the lexicon over a text and keeps the best non-overlapping matches: the longest span wins, then
 * the earlier rule.
 */
import type { CalendarDay } from './calendar';
import type { MatchContext, TimexRule } from './rules';
import { AnchorScanner, StartFinder } from './skipAhead';
import { directionAround } from './tense';
import type { Direction } from './tense';
import type { DateMention } from '../types';

interface Candidate {
  start: number;
  end: number;
  ruleIndex: number;
  groups: Record<string, string | undefined>;
}

function makeContext(text: string, start: number, end: number, anchor: CalendarDay | null): MatchContext {
  let direction: Direction | undefined;
  return {
    text,
    start,
    end,
    anchor,
    direction: () => (direction ??= directionAround(text, start, end)),
  };
}

/** A guard that throws rejects its match: one odd match must not cost the rest of the text. */
function safeAccept(rule: TimexRule, groups: Record<string, string | undefined>, context: MatchContext): boolean {
  try {
    return rule.accept ? rule.accept(groups, context) : true;
  } catch {
    return false;
  }
}

const scannerOf = new WeakMap<readonly TimexRule[], AnchorScanner | null>();
const stickyPatterns = new WeakMap<RegExp, RegExp>();

/** The pattern matching at `lastIndex` only, to try a few positions. */
function stickyOf(pattern: RegExp): RegExp {
  let sticky = stickyPatterns.get(pattern);
  if (!sticky) stickyPatterns.set(pattern, (sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')));
  return sticky;
}

function collect(text: string, rules: readonly TimexRule[], anchor: CalendarDay | null): Candidate[] {
  const found: Candidate[] = [];
  let scanner = scannerOf.get(rules);
  if (scanner === undefined) {
    const skips = rules.flatMap((r) => (r.skip ? [r.skip] : []));
    scannerOf.set(rules, (scanner = skips.length > 0 ? new AnchorScanner(skips) : null));
  }
  const sites = scanner ? scanner.sites(text) : [];
  rules.forEach((rule, ruleIndex) => {
    const re = rule.pattern;
    const starts = rule.skip && new StartFinder(text, sites, rule.skip);
    // `from` is where the plain scan would search next; a skip-ahead only passes over positions
    // where no match can start, so the matches are the same
    const sticky = starts && stickyOf(re);
    for (let from = 0; ; ) {
      let m: RegExpExecArray | null = null;
      if (starts && sticky) {
        // the leftmost match from `from` starts at or before the anchor, else after it
        const first = starts.firstFrom(from);
        if (first < 0) break;
        for (let at = first; at <= starts.anchorAt && !m; at++) {
          sticky.lastIndex = at;
          m = sticky.exec(text);
        }
        if (!m) {
          from = starts.anchorAt + 1;
          continue;
        }
      } else {
        re.lastIndex = from;
        m = re.exec(text);
        if (!m) break;
      }
      if (m[0].length === 0) {
        from = m.index + 1;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const groups = m.groups ?? {};
      if (rule.accept && !safeAccept(rule, groups, makeContext(text, start, end, anchor))) {
        // a rejected long match may hide a shorter good one inside it: retry one character on
        from = start + 1;
        continue;
      }
      found.push({ start, end, ruleIndex, groups });
      from = end;
    }
  });
  return found;
}

function keepBest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.ruleIndex - b.ruleIndex);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    const longer = c.end - c.start > last.end - last.start;
    if (longer) kept[kept.length - 1] = c;
  }
  return kept;
}

/** Time expressions of `text` found by `rules`, with values against `anchor`. */
export function recognizeTimexes(text: string, rules: readonly TimexRule[], anchor: CalendarDay | null): DateMention[] {
  const mentions: DateMention[] = [];
  for (const c of keepBest(collect(text, rules, anchor))) {
    const rule = rules[c.ruleIndex];
    let value: string | null = null;
    try {
      value = rule.value ? rule.value(c.groups, makeContext(text, c.start, c.end, anchor)) : null;
    } catch {
      value = null; // a normalisation bug costs the value, not the mention
    }
    const type = rule.typeOf ? rule.typeOf(c.groups) : rule.type;
    mentions.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type, value });
  }
  return mentions;
}
