import * as assert from 'node:assert/strict';
import { looksLikePersonName, opensByline, readAuthorBio, readBylines } from '../../../../src/core/article/bylines';
import type { Block } from '../../../../src/core/article/blocks';
import type { OutletEvidence } from '../../../../src/core/article/outlets';

const block = (text: string, start = 100): Block => ({ index: 1, line: 1, start, end: start + text.length, text });
const names = (text: string, labelled = false, evidence: OutletEvidence[] = []) => readBylines(block(text), labelled, evidence).map((a) => a.name);

describe('bylines', () => {
  it('read the forms bylines take', () => {
    assert.deepEqual(names('By Jane Doe and John Q. Public'), ['Jane Doe', 'John Q. Public']);
    assert.deepEqual(names('Written by Ann Lee'), ['Ann Lee']);
    assert.deepEqual(names('Posted by: Ed de Leon on February 18, 2020 in Showbiz Leave a comment'), ['Ed de Leon']);
    assert.deepEqual(names('Maria Garcia, Staff Writer'), ['Maria Garcia']);
    assert.deepEqual(names('Tom Baker | Reporter'), ['Tom Baker']);
    assert.deepEqual(names('Por Steven Lee Myers, Keith Bradsher y Tariq Panja'), ['Steven Lee Myers', 'Keith Bradsher', 'Tariq Panja']);
    assert.deepEqual(names('by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)'), ['Eleanor Ainge Roy']);
    assert.deepEqual(names('on March 10, 2015 by Nikhil Marathe'), ['Nikhil Marathe']);
    assert.deepEqual(names('12/03/2020 por Ana Ruiz'), ['Ana Ruiz']);
    assert.deepEqual(names('José Volta e Pinto', true), ['José Volta e Pinto']);
    assert.deepEqual(names('From DramaWiki', true), []);
    assert.deepEqual(names('Updated 10:32 by the way'), []);
    assert.deepEqual(names('By Alex Heath, a deputy editor and author of the Command Line newsletter. He has covered tech for years.'), ['Alex Heath']);
  });

  it('know a byline by its opening, however long the line', () => {
    assert.equal(opensByline('Posted by: Ed de Leon on February 18, 2020 in Showbiz Leave a comment'), true);
    assert.equal(opensByline('Bystanders watched as the fire spread'), false);
  });

  it('point each author span at the name', () => {
    const b = block('By Jane Doe and John Q. Public', 50);
    const text = ' '.repeat(50) + b.text;
    for (const a of readBylines(b, false, [])) assert.equal(text.slice(a.span.start, a.span.end), a.name);
  });

  it('take outlets and staff lines as outlet evidence, not people', () => {
    const evidence: OutletEvidence[] = [];
    assert.deepEqual(names('By Jane Doe, Reuters', false, evidence), ['Jane Doe']);
    assert.deepEqual(evidence, [{ kind: 'wire', text: 'Reuters' }]);
    const staff: OutletEvidence[] = [];
    assert.deepEqual(names('FAN Editor', true, staff), []);
    assert.deepEqual(staff, [{ kind: 'siteName', text: 'Free America Network' }]);
  });

  it('take a bare name only where the classifier saw a byline', () => {
    assert.deepEqual(names('Cathy He', true), ['Cathy He']);
    assert.deepEqual(names('Cathy He', false), []);
    assert.deepEqual(names('Most Popular', true), []);
    assert.deepEqual(names('Photo Gallery', true), []);
  });

  it('shape-check person names', () => {
    for (const n of ['Cathy He', 'Jean-Luc de la Tour', 'John C. Welch', 'José Volta e Pinto'.replace(' e ', ' ')]) assert.ok(looksLikePersonName(n), n);
    for (const n of ['FAN EDITOR', 'Cathy', 'Updated March', 'Why Uber Matters', 'the end']) assert.ok(!looksLikePersonName(n), n);
  });

  it('read an author note after the article', () => {
    assert.equal(readAuthorBio(block('Sarah Archer is the author of The Midcentury Kitchen.'))?.name, 'Sarah Archer');
    assert.equal(readAuthorBio(block('The council is expected to vote again.')), undefined);
  });
});
