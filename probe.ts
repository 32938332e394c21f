import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from './src/core/article';
import { copySignature } from './src/core/corpus/copies';
const root = '../shared/eval/data/bbc';
const texts: string[] = [];
for (const cat of ['business','entertainment','politics','sport','tech']) for (const f of readdirSync(join(root,cat)).sort()) texts.push(readFileSync(join(root,cat,f),'utf8'));
const parsed = texts.map(t=>parseArticle(t));
for (let r=0;r<3;r++){ const t0=performance.now(); for (let i=0;i<texts.length;i++) copySignature(texts[i], parsed[i]); console.log('sig', (performance.now()-t0).toFixed(0)); }
let t0=performance.now(); for (let i=0;i<texts.length;i++) parseArticle(texts[i]); console.log('parse', (performance.now()-t0).toFixed(0));
const W=/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu; t0=performance.now(); let n=0; for (const t of texts) for (const m of t.matchAll(W)) n++; console.log('regex', (performance.now()-t0).toFixed(0), n/texts.length);
