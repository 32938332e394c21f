import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../../src/core/annotations';
import { csvCell } from '../../../../src/core/annotations/interchange';
import { claimsToCsv } from '../../../../src/core/claims/csv';

describe('core/claims/csv: claims as CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const opener of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${opener}HYPERLINK("http://x")`).replace(/^"/, '').startsWith(`'${opener}`), JSON.stringify(opener));
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('a "quoted", b'), '"a ""quoted"", b"');
    assert.equal(csvCell('5 - 3'), '5 - 3');
  });

  it('writes one row per claim with its claimant, status, verdict and appearances', () => {
    const annotation = createAnnotation({ motivation: 'assessing', target: { source: 'a.txt' }, verdict: 'False' }, new Date('2026-12-07T10:00:00Z'));
    const range = { start: 0, end: 1 };
    const csv = claimsToCsv([{
      annotation, text: '=cmd|/c calc', status: 'verdictGiven', verdict: 'False', notes: ['one', '@two'], claimant: { type: 'Person', name: 'Ren Zhengfei' },
      appearances: [{ file: 'b', source: 'b.txt', outlet: 'B', date: '2019-01-15', headline: 'h', range }, { file: 'a', source: 'a.txt', outlet: null, date: null, headline: null, range }],
      firstAppearance: { file: 'b', source: 'b.txt', outlet: 'B', date: '2019-01-15', headline: 'h', range }, date: '2019-01-15',
    }]);
    const [header, row] = csv.split('\r\n');
    assert.equal(header, 'claim,claimant,claimant_type,status,verdict,claim_date,first_appearance,appearances,outlets,notes,reviewer,modified,id');
    assert.equal(row, `'=cmd|/c calc,Ren Zhengfei,Person,Verdict given,False,2019-01-15,b.txt,b.txt; a.txt,B,one | @two,,2026-12-07T10:00:00.000Z,${annotation.id}`);
  });
});
