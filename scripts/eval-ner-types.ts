// Scores the entity recognizer by type (`npm run eval:types [files...]`): PER, ORG and LOC F1 by exact
// token-span match on CoNLL-format files, with the documents rebuilt and predictions mapped back to
// tokens exactly as the shared people scorer does (../shared/eval/lib/people.mjs), which scores PER only.
// Runs the recognizer in-process on each document's text (no article parsing); the model is
// models/ner-en.bin or NEWS_ANNOTATOR_MODEL. Default files: CoNLL eng.testa and UNER EWT dev.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEntityRecognizer } from '../src/core/ner';
import type { EntityType } from '../src/core/types';

interface Sentence { tokens: { w: string; tag: string }[] }
interface Doc { text: string; sentences: Sentence[] }
interface PeopleLib {
  load(file: string): Doc[];
  goldSpans(sent: Sentence['tokens'], type: string): { s: number; e: number }[];
  charToTokens(start: number, end: number, text: string, sentences: Sentence[]): { si: number; s: number; e: number } | null;
}

const root = path.resolve(__dirname, '..');
const shared = path.resolve(root, '..', 'shared', 'eval');
// `--errors` also prints every missed (-) and invented (+) name with its type, for error analysis on dev.
const showErrors = process.argv.includes('--errors');
const args = process.argv.slice(2).filter((a) => a !== '--errors');
const files = args.length ? args : [
  path.join(shared, 'data', 'conll2003', 'eng.testa'),
  path.join(shared, 'data', 'uner-ewt', 'en_ewt-ud-dev.conll'),
];
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || path.join(root, 'models', 'ner-en.bin');
const TYPES: [string, EntityType][] = [['PER', 'person'], ['ORG', 'organization'], ['LOC', 'place']];
const WORDLIKE = /[\p{L}\p{N}]/u;

async function main(): Promise<void> {
  const lib = (await import(path.join(shared, 'lib', 'people.mjs'))) as PeopleLib;
  const recognizer = loadEntityRecognizer(fs.readFileSync(modelPath));
  console.log(`model ${modelPath}`);
  for (const file of files) {
    const counts = new Map(TYPES.map(([t]) => [t, { tp: 0, pred: 0, gold: 0 }]));
    for (const doc of lib.load(file)) {
      const mentions = recognizer.recognize(doc.text);
      for (const [label, type] of TYPES) {
        const c = counts.get(label)!;
        const gold = new Set<string>();
        doc.sentences.forEach((sent, si) => {
          for (const g of lib.goldSpans(sent.tokens, label)) {
            let { s, e } = g;
            while (s < e && !WORDLIKE.test(sent.tokens[s].w)) s++;
            while (e > s && !WORDLIKE.test(sent.tokens[e].w)) e--;
            gold.add(`${si}:${s}:${e}`);
          }
        });
        const predicted = new Set<string>();
        for (const m of mentions) {
          if (m.type !== type) continue;
          const t = lib.charToTokens(m.start, m.end, doc.text, doc.sentences);
          if (t) predicted.add(`${t.si}:${t.s}:${t.e}`);
        }
        c.gold += gold.size;
        c.pred += predicted.size;
        for (const k of predicted) if (gold.has(k)) c.tp++;
        if (showErrors) {
          const words = (k: string) => {
            const [si, s, e] = k.split(':').map(Number);
            const tokens = doc.sentences[si].tokens;
            return `${tokens.slice(s, e + 1).map((t) => t.w).join(' ')}  | ${tokens.slice(Math.max(0, s - 4), e + 5).map((t) => t.w).join(' ')}`;
          };
          for (const k of gold) if (!predicted.has(k)) console.log(`- ${label} ${words(k)}`);
          for (const k of predicted) if (!gold.has(k)) console.log(`+ ${label} ${words(k)}`);
        }
      }
    }
    const row = TYPES.map(([label]) => {
      const { tp, pred, gold } = counts.get(label)!;
      const p = pred ? tp / pred : 0;
      const r = gold ? tp / gold : 0;
      return `${label} F1=${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} P=${p.toFixed(3)} R=${r.toFixed(3)}`;
    });
    console.log(`${path.basename(file)}: ${row.join('  ')}`);
  }
}

void main();
