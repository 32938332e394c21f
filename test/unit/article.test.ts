import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle, NEWS_ARTICLE_SCORE_THRESHOLD } from '../../src/core/article';
import type { ParsedArticle, SectionKind } from '../../src/core/types';

const fixtures = path.join(__dirname, '..', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const textOf = (text: string, article: ParsedArticle, kind: SectionKind) =>
  article.sections.filter((s) => s.kind === kind).map((s) => text.slice(s.start, s.end));

describe('parseArticle', () => {
  describe('seed 001 (The Epoch Times on NTD)', () => {
    const text = read('001_ef6bbce3734ab0e1.txt');
    const article = parseArticle(text);

    it('reads headline, author, date, section and outlet', () => {
      assert.equal(article.headline, 'Huawei CEO Breaks Silence, Says Company Doesn’t Spy for China');
      assert.deepEqual(article.authors, ['Cathy He']);
      assert.equal(article.date, '2019-01-15');
      assert.equal(article.sectionName, 'China News');
      assert.deepEqual(article.outlet, { name: 'The Epoch Times', via: 'NTD' });
    });

    it('points spans at the words they describe', () => {
      assert.equal(text.slice(article.authorSpans[0].start, article.authorSpans[0].end), 'Cathy He');
      assert.ok(article.dateSpan);
      assert.equal(text.slice(article.dateSpan.start, article.dateSpan.end), 'January 15, 2019');
    });

    it('segments the header: byline, dateline, repeated headline, caption', () => {
      assert.deepEqual(textOf(text, article, 'byline'), ['Cathy He', 'By Cathy He']);
      assert.deepEqual(textOf(text, article, 'dateline'), ['January 15, 2019China News']);
      assert.equal(textOf(text, article, 'repeatedHeadline').length, 1);
      const [caption] = textOf(text, article, 'caption');
      assert.match(caption, /\(Fabrice Coffrini\/AFP\/Getty Images\)$/);
    });

    it('keeps boilerplate out of the body', () => {
      const body = textOf(text, article, 'body').join('\n');
      const footer = textOf(text, article, 'footer').join('\n');
      assert.match(body, /^Huawei founder and CEO Ren Zhengfei/);
      for (const line of ['Reuters contributed to this report.', 'From The Epoch Times', 'Sign up for NTD Daily']) {
        assert.ok(footer.includes(line), line);
        assert.ok(!body.includes(line), line);
      }
    });
  });

  describe('seed 000 (Free America Network)', () => {
    const text = read('000_fc681af9c8dd27c5.txt');
    const article = parseArticle(text);

    it('reads headline and outlet; a staff byline is not a person', () => {
      assert.equal(article.headline, 'Huawei CEO: No matter my Communist Party ties, I’ll definitely refuse if Beijing wants customer data');
      assert.deepEqual(article.outlet, { name: 'Free America Network', via: null });
      assert.deepEqual(article.authors, []);
      assert.deepEqual(textOf(text, article, 'byline'), ['FAN Editor']);
    });

    it('puts Leave a Reply, Next Post and the Qualcomm teaser in the footer', () => {
      const body = textOf(text, article, 'body').join('\n');
      const footer = textOf(text, article, 'footer').join('\n');
      for (const line of ['Leave a Reply', 'Next Post', 'German court throws out Qualcomm’s latest patent case against Apple']) {
        assert.ok(footer.includes(line), line);
        assert.ok(!body.includes(line), line);
      }
      assert.match(body, /what has happened to ZTE will not happen to Huawei,” Ren said\.$/);
    });

    it('does not take the teaser’s date for the article’s', () => {
      assert.equal(article.date, null);
    });
  });

  describe('small documents', () => {
    it('reads a byline with two authors and an outlet', () => {
      const text = 'Headline here\nBy Jane Doe and John Q. Public, Reuters\nMarch 3, 2020\n\nThe body of the story goes on for a while with enough words to be prose.\n';
      const a = parseArticle(text);
      assert.deepEqual(a.authors, ['Jane Doe', 'John Q. Public']);
      assert.equal(a.date, '2020-03-03');
      assert.deepEqual(a.outlet, { name: 'Reuters', via: null });
      for (const [i, name] of a.authors.entries()) assert.equal(text.slice(a.authorSpans[i].start, a.authorSpans[i].end), name);
    });

    it('refuses impossible datelines and never invents a date', () => {
      assert.equal(parseArticle('Title\nFebruary 30, 2019\n\nBody text.').date, null);
      assert.equal(parseArticle('Title\n\nIt happened on January 15, 2019 in a body paragraph.').date, null);
    });

    it('handles CRLF and NBSP like LF and spaces', () => {
      const lf = 'Title line\nBy Ann Lee\nJanuary 2, 2019\n\nFirst paragraph of prose that runs on.\n\nLeave a Reply\n';
      const crlf = lf.replace(/\n/g, '\r\n').replace('By Ann Lee', 'By\u00a0Ann Lee\u00a0');
      const a = parseArticle(lf);
      const b = parseArticle(crlf);
      assert.deepEqual(b.authors, a.authors);
      assert.equal(b.date, a.date);
      assert.deepEqual(b.sections.map((s) => s.kind), a.sections.map((s) => s.kind));
    });

    it('gives an empty result for blank text', () => {
      for (const t of ['', '   ', '\n\n\r\n']) {
        const a = parseArticle(t);
        assert.equal(a.headline, null);
        assert.deepEqual(a.sections, []);
        assert.equal(a.score, 0);
      }
    });

    it('scores source code, CSV and lists below the threshold and the seeds above', () => {
      const notNews = [
        'import x from "y";\nconst a = 1;\nfunction f() {\n  return 2;\n}\n',
        'name,age,city\nbob,3,Paris\nalice,4,Rome\n',
        'eggs\nmilk\nbread\nbutter\n',
      ];
      for (const t of notNews) assert.ok(parseArticle(t).score < NEWS_ARTICLE_SCORE_THRESHOLD, t);
      for (const f of ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt']) assert.ok(parseArticle(read(f)).score >= NEWS_ARTICLE_SCORE_THRESHOLD, f);
    });
  });

  describe('BBC corpus', function () {
    const root = path.resolve(__dirname, '..', '..', '..', 'shared', 'eval', 'data', 'bbc');
    before(function () {
      if (!fs.existsSync(root)) {
        console.log(`      (skipped: ${root} not found)`);
        this.skip();
      }
    });

    it('parses all articles, each headline equal to its first line', () => {
      let count = 0;
      let detected = 0;
      for (const topic of fs.readdirSync(root)) {
        const dir = path.join(root, topic);
        if (!fs.statSync(dir).isDirectory()) continue;
        for (const file of fs.readdirSync(dir)) {
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          const article = parseArticle(text);
          assert.equal(article.headline, text.split('\n')[0].trim(), `${topic}/${file}`);
          assert.equal(article.date, null, `${topic}/${file}: BBC files state no date`);
          if (article.score >= NEWS_ARTICLE_SCORE_THRESHOLD) detected++;
          count++;
        }
      }
      assert.equal(count, 2225);
      assert.ok(detected / count > 0.98, `content detection recognised ${detected} of ${count}`);
    });
  });
});
