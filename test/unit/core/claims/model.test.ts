import * as assert from 'node:assert/strict';
import { annotationSchemaError, correctionsOf, tagsOf, verdictOf } from '../../../../src/core/annotations';
import { claimPassage, claimNotesOf, claimStatusOf, createClaim, isClaim, withClaimStatus, withNote, withVerdict } from '../../../../src/core/claims/model';

const target = { source: 'a.txt', selector: [{ type: 'TextQuoteSelector' as const, exact: 'Sales doubled in 2019', prefix: 'x ', suffix: ' y' }] };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute));

describe('core/claims/model: a claim is an assessing annotation', () => {
  it('starts unchecked, with an optional first note, and validates against the store schema unchanged', () => {
    const claim = createClaim({ target, creator: 'Ann', note: '  check the annual report ' }, at(0));
    assert.equal(claim.motivation, 'assessing');
    assert.equal(isClaim(claim), true);
    assert.equal(claimStatusOf(claim), 'unchecked');
    assert.deepEqual(claimNotesOf(claim), ['check the annual report']);
    assert.equal(annotationSchemaError(claim), undefined);
  });

  it('moves through in progress to verdict given; the verdict is the assessing body', () => {
    const started = withClaimStatus(createClaim({ target }, at(0)), 'inProgress', at(1));
    assert.equal(claimStatusOf(started), 'inProgress');
    const judged = withVerdict(started, 'Mostly false', at(2));
    assert.equal(claimStatusOf(judged), 'verdictGiven');
    assert.equal(verdictOf(judged), 'Mostly false');
    // One status body and one verdict at a time.
    const rejudged = withVerdict(judged, 'False', at(3));
    assert.equal(rejudged.body.filter((b) => b.purpose === 'assessing').length, 1);
    assert.equal(rejudged.body.filter((b) => b.purpose === 'classifying').length, 1);
    assert.equal(verdictOf(rejudged), 'False');
    assert.ok(rejudged.modified > judged.modified);
    assert.equal(annotationSchemaError(rejudged), undefined);
  });

  it('reads an assessing annotation made elsewhere: verdict given when it has a verdict, else unchecked', () => {
    const plain = { id: 'x', type: 'Annotation' as const, motivation: 'assessing' as const, created: at(0).toISOString(), modified: at(0).toISOString(), target, body: [] };
    assert.equal(claimStatusOf(plain), 'unchecked');
    assert.equal(claimStatusOf({ ...plain, body: [{ type: 'TextualBody', value: 'Misleading', purpose: 'assessing' }] }), 'verdictGiven');
    assert.equal(isClaim({ ...plain, motivation: 'commenting' }), false);
    assert.equal(isClaim({ ...plain, target: 'urn:uuid:parent' }), false);
  });

  it('adds notes as commenting bodies; the status is neither a tag nor a correction', () => {
    const noted = withNote(withNote(createClaim({ target }, at(0)), 'first', at(1)), '   ', at(2));
    assert.deepEqual(claimNotesOf(withNote(noted, 'second', at(3))), ['first', 'second']);
    assert.deepEqual(tagsOf(noted), []);
    assert.deepEqual(correctionsOf([withClaimStatus(noted, 'inProgress', at(4))]), []);
  });

  it('tracks a quote without its marks, the space and the comma before the closing mark', () => {
    const text = 'He said: “No law requires back doors,” Ren added.';
    const open = text.indexOf('“');
    const close = text.indexOf('”') + 1;
    const { start, end } = claimPassage(text, open - 1, close);
    assert.equal(text.slice(start, end), 'No law requires back doors');
    assert.deepEqual(claimPassage(text, 3, 3), { start: 3, end: 3 });
    assert.deepEqual(claimPassage('“”', 0, 2), { start: 2, end: 2 });
  });
});
