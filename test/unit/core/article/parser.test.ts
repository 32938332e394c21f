import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../../src/core/article';

const prose = 'The council voted on Tuesday to build the new bridge over the river, its members said after a long debate in the town hall that ran late into the night.';

describe('article parser: outlet from the site\'s own prompts', () => {
  it('names an unknown site that two of its prompt lines agree on', () => {
    const page = `A council votes on the bridge\n\nHome\n\nSports\n\n${prose}\n\n${prose}\n\nBecome a Riverside Courier member and read without ads.\n\nGet Riverside Courier delivered to your inbox\n`;
    assert.equal(parseArticle(page).outlet?.name, 'Riverside Courier');
  });

  it('does not take one prompt alone inside the prose', () => {
    const page = `A council votes on the bridge\n\n${prose}\n\nWelcome to Riverside Park.\n\n${prose}\n`;
    assert.equal(parseArticle(page).outlet, null);
  });
});

describe('article parser: bylines', () => {
  it('takes a bare name right under the page\'s own headline line as its author', () => {
    const page = `A council votes on the bridge | Riverside Courier\n\nHome\n\nSports\n\nA council votes on the bridge\n\nMarta Lindqvist\n\n${prose}\n\n${prose}\n`;
    assert.deepEqual(parseArticle(page).authors, ['Marta Lindqvist']);
  });
});
