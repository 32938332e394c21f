import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../../../src/core/article';
import { CHECK_WORTHY_THRESHOLD, rankCheckWorthySentences, scoreSentence } from '../../../../src/core/claims/checkWorthiness';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
const score = (s: string) => scoreSentence(s, words(s)).reduce((sum, r) => sum + r.weight, 0);

describe('core/claims/checkWorthiness: check-worthy sentences (a hint)', () => {
  it('ranks a sentence with numbers, comparisons or superlatives above opinion and questions', () => {
    const fact = 'Unemployment fell to 3.5 percent in 2019, the lowest rate in fifty years, the ministry said.';
    const opinion = 'I think we should perhaps be more careful about this.';
    const question = 'What will the company do next?';
    assert.ok(score(fact) > score(opinion) && score(fact) > score(question));
    assert.ok(score(fact) >= CHECK_WORTHY_THRESHOLD);
    assert.ok(score(opinion) < CHECK_WORTHY_THRESHOLD && score(question) < CHECK_WORTHY_THRESHOLD);
    assert.deepEqual(scoreSentence(fact, words(fact)).map((r) => r.feature), ['number', 'quantity', 'comparison', 'superlative', 'attribution']);
  });

  it('ranks the body sentences of a seed article: offsets point at the sentence, headline and boilerplate are left out', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', '000_fc681af9c8dd27c5.txt'), 'utf8');
    const article = parseArticle(text);
    const ranked = rankCheckWorthySentences(text, article, { limit: 5 });
    assert.ok(ranked.length > 0 && ranked.length <= 5);
    for (let i = 1; i < ranked.length; i++) assert.ok((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0));
    const body = article.sections.filter((s) => s.kind === 'body');
    for (const s of ranked) {
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(body.some((b) => s.start >= b.start && s.end <= b.end), s.text);
      assert.ok(s.score >= CHECK_WORTHY_THRESHOLD);
      assert.ok(s.reasons.some((r) => ['number', 'comparison', 'superlative'].includes(r.feature)), `states something checkable: ${s.text}`);
    }
    // With includeAll every body sentence is scored: the threshold only filters.
    assert.ok(rankCheckWorthySentences(text, article, { includeAll: true }).length > rankCheckWorthySentences(text, article).length);
  });
});
