import * as assert from 'node:assert/strict';
import { KNOWN_OUTLET_COUNT, decideOutlet, looksLikeOutletName, lookUpOutlet } from '../../../../src/core/article/outlets';

describe('outlets', () => {
  it('know a few hundred outlets by name, alias and domain', () => {
    assert.ok(KNOWN_OUTLET_COUNT >= 190, String(KNOWN_OUTLET_COUNT));
    assert.equal(lookUpOutlet('AP')?.name, 'Associated Press');
    assert.equal(lookUpOutlet('apnews.com')?.name, 'Associated Press');
    assert.equal(lookUpOutlet('https://www.bbc.co.uk/news')?.name, 'BBC News');
    assert.equal(lookUpOutlet('edition.cnn.com')?.name, 'CNN');
    assert.equal(lookUpOutlet('the guardian')?.name, 'The Guardian');
    assert.ok(lookUpOutlet('Reuters')?.wire);
    assert.equal(lookUpOutlet('Most Popular'), undefined);
  });

  it('know the catalogue\'s several hundred outlets from fundus and freebie by name, alias and domain', () => {
    assert.ok(KNOWN_OUTLET_COUNT >= 500, String(KNOWN_OUTLET_COUNT));
    // freebie entries: a name, its form without "The", its domain and a host under it.
    assert.equal(lookUpOutlet('Haaretz')?.name, 'Haaretz');
    assert.equal(lookUpOutlet('Bangkok Post')?.name, 'Bangkok Post');
    assert.equal(lookUpOutlet('independent.com.mt')?.name, 'The Malta Independent');
    assert.equal(lookUpOutlet('www.pakistantoday.com.pk')?.name, 'Pakistan Today');
    assert.equal(decideOutlet([{ kind: 'titleSuffix', text: 'sfchronicle.com' }])?.name, 'San Francisco Chronicle');
  });

  it('take a catalogue name that is an ordinary word or a place only where the page names its site', () => {
    // "Fortune", "Nature", "The Week"-like names and a bracketed place ("Daily News (Tanzania)") are no outlet alone.
    for (const weak of ['Fortune', 'Nature', 'Tanzania', 'Daily News', 'People']) assert.equal(lookUpOutlet(weak), undefined, weak);
    assert.equal(lookUpOutlet('Fortune', true)?.name, 'Fortune');
    assert.equal(decideOutlet([{ kind: 'titleSuffix', text: 'Fortune' }])?.name, 'Fortune');
    // Its domain is evidence enough anywhere.
    assert.equal(lookUpOutlet('fortune.com')?.name, 'Fortune');
    // A language edition in brackets ("Euronews (en)") is no alias.
    assert.equal(lookUpOutlet('en'), undefined);
  });

  it('decide from the evidence: title suffix over copyright, known over unknown', () => {
    assert.deepEqual(decideOutlet([{ kind: 'copyright', text: 'Courier Media' }, { kind: 'titleSuffix', text: 'The Valley Courier' }]), { name: 'The Valley Courier', via: null });
    assert.deepEqual(decideOutlet([{ kind: 'titleSuffix', text: 'Opinion' }, { kind: 'copyright', text: 'The Washington Post' }]), { name: 'The Washington Post', via: null });
    assert.deepEqual(decideOutlet([{ kind: 'titleSuffix', text: 'BBC' }]), { name: 'BBC News', via: null });
  });

  it('give the origin of a syndicated or wire story, carried by the site (via)', () => {
    assert.deepEqual(decideOutlet([{ kind: 'from', text: 'The Epoch Times' }, { kind: 'siteName', text: 'NTD' }]), { name: 'The Epoch Times', via: 'NTD' });
    assert.deepEqual(decideOutlet([{ kind: 'wire', text: 'Associated Press' }, { kind: 'titleSuffix', text: 'The Star' }]), { name: 'Associated Press', via: 'The Star' });
    assert.deepEqual(decideOutlet([{ kind: 'wire', text: 'Reuters' }]), { name: 'Reuters', via: null });
  });

  it('stay null rather than take a junk line', () => {
    assert.equal(decideOutlet([]), null);
    assert.equal(decideOutlet([{ kind: 'titleSuffix', text: 'Most Popular' }, { kind: 'titleSuffix', text: 'Feb. 1, 2016' }, { kind: 'titleSuffix', text: 'Eugene, OR' }]), null);
    for (const t of ['Most Popular', 'News', 'Feb. 1, 2016', 'Eugene, OR', 'by John Smith', 'around the web']) assert.ok(!looksLikeOutletName(t, true), t);
    for (const t of ['The Register-Guard', 'recordonline.com']) assert.ok(looksLikeOutletName(t), t);
    assert.ok(looksLikeOutletName('eHow', true));
  });
});
