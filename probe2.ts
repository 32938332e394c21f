import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from './src/core/article';
import { copySignature } from './src/core/corpus/copies';
const root = '../shared/eval/data/bbc';
const texts: string[] = [];
for (const cat of ['business','entertainment','politics','sport','tech']) for (const f of readdirSync(join(root,cat)).sort()) texts.push(readFileSync(join(root,cat,f),'utf8'));
const parsed = texts.map(t=>parseArticle(t));
for (let r=0;r<5;r++) for (let i=0;i<texts.length;i++) copySignature(texts[i], parsed[i]);
