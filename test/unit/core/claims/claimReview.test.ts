import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { createAnnotation } from '../../../../src/core/annotations';
import type { Claim, ClaimAppearance } from '../../../../src/core/claims/claims';
import { fillTemplate, summary, toClaimReviews } from '../../../../src/core/claims/claimReview';

const schema = JSON.parse(readFileSync(join(__dirname, 'claimreview-google.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

const SCALE = ['True', 'Mostly true', 'Misleading', 'False'];
const dated: ClaimAppearance = { file: 'b', source: 'news/b.txt', outlet: 'The Epoch Times', date: '2019-01-15', headline: 'Huawei CEO Breaks Silence', range: { start: 0, end: 5 } };
const undated: ClaimAppearance = { file: 'a', source: 'news/a.txt', outlet: null, date: null, headline: null, range: { start: 0, end: 5 } };

function claim(verdict: string | undefined, text = 'no law in China requires any company to install mandatory back doors'): Claim {
  const annotation = createAnnotation({ motivation: 'assessing', target: { source: 'news/a.txt' }, ...(verdict ? { verdict } : {}) }, new Date('2026-12-07T10:00:00Z'));
  return {
    annotation, text, status: verdict ? 'verdictGiven' : 'unchecked', ...(verdict ? { verdict } : {}), notes: [],
    claimant: { type: 'Person', name: 'Ren Zhengfei' }, appearances: [dated, undated], firstAppearance: dated, date: '2019-01-15',
  };
}

const settings = { ratingScale: SCALE, organization: 'Example Fact Checks', urlTemplate: 'https://checks.example/reviews/{id}' };

describe('core/claims/claimReview: ClaimReview JSON-LD', () => {
  it('passes the schema of Google\'s required and recommended fact-check fields', () => {
    const { reviews, warnings } = toClaimReviews([claim('Misleading')], settings);
    assert.ok(validate(reviews), JSON.stringify(validate.errors));
    assert.deepEqual(warnings, []);
    const [review] = reviews;
    assert.deepEqual(review?.reviewRating, { '@type': 'Rating', alternateName: 'Misleading', name: 'Misleading', ratingValue: 2, bestRating: 4, worstRating: 1 });
    assert.deepEqual(review?.itemReviewed.author, { '@type': 'Person', name: 'Ren Zhengfei' });
    assert.equal(review?.itemReviewed.datePublished, '2019-01-15');
    assert.deepEqual(review?.itemReviewed.firstAppearance, { '@type': 'CreativeWork', url: 'news/b.txt', headline: 'Huawei CEO Breaks Silence', datePublished: '2019-01-15', publisher: { '@type': 'Organization', name: 'The Epoch Times' } });
    assert.deepEqual(review?.itemReviewed.appearance[1], { '@type': 'CreativeWork', url: 'news/a.txt' });
    assert.equal(review?.datePublished, '2026-12-07');
    assert.equal(review?.url, `https://checks.example/reviews/${review?.url?.split('/').pop()}`);
  });

  it('warns, clearly, while the URL template or the organisation is unset; the schema then fails', () => {
    const { reviews, warnings } = toClaimReviews([claim('False')], { ratingScale: SCALE });
    assert.equal(reviews[0]?.url, undefined);
    assert.ok(warnings.some((w) => w.includes('newsAnnotator.claimReview.urlTemplate is not set')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('newsAnnotator.claimReview.organization is not set')), warnings.join('\n'));
    assert.equal(validate(reviews), false);
  });

  it('leaves out claims without a verdict and rates a verdict off the scale by its label only', () => {
    const { reviews, warnings } = toClaimReviews([claim(undefined), claim('Pants on fire')], settings);
    assert.equal(reviews.length, 1);
    assert.deepEqual(reviews[0]?.reviewRating, { '@type': 'Rating', alternateName: 'Pants on fire', name: 'Pants on fire' });
    assert.ok(warnings.some((w) => w.includes('1 claim(s) without a verdict')));
    assert.ok(warnings.some((w) => w.includes('"Pants on fire" is not on the rating scale')));
  });

  it('keeps claimReviewed under 75 characters, cut at a word, without the quote marks', () => {
    const long = '“When it comes to cybersecurity and privacy protection we are committed to be sided with our customers.”';
    const cut = summary(long);
    assert.ok(cut.length <= 75, cut);
    assert.ok(cut.endsWith('…') && !cut.startsWith('“'), cut);
    assert.equal(summary('“Short.”'), 'Short.');
  });

  it('fills the URL template with the id and a slug, both URL-safe', () => {
    const c = claim('False', 'Sales rose 50% in "2019" & more');
    assert.equal(fillTemplate('https://x.example/{slug}?id={id}', c), `https://x.example/sales-rose-50-in-2019-more?id=${c.annotation.id.replace('urn:uuid:', '')}`);
  });
});
