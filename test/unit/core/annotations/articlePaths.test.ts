import * as assert from 'node:assert/strict';
import { ArticlePathError, articlePathFromSource, articlePathProblem, storePathFor } from '../../../../src/core/annotations';

describe('article paths from file content (core/annotations/articlePaths)', () => {
  const folder = 'file:///home/ann/news';
  const article = (source: string, folderUri: string | undefined = folder) => {
    const result = articlePathFromSource(source, folderUri);
    return result.ok ? result.article : `refused: ${result.reason}`;
  };

  it('normalizes relative paths inside the folder', () => {
    assert.equal(article('a/b.txt'), 'a/b.txt');
    assert.equal(article('./a\\b.txt'), 'a/b.txt');
    assert.equal(article('a/../b.txt'), 'b.txt');
    assert.equal(article('a//b.txt'), 'a/b.txt');
  });

  it('makes a URI inside the folder relative, decoded', () => {
    assert.equal(article('file:///home/ann/news/sub/My%20article.txt'), 'sub/My article.txt');
    assert.equal(article('file:///c%3A/News/a.txt', 'file:///C:/News'), 'a.txt');
  });

  it('refuses whatever resolves outside the folder', () => {
    assert.match(article('../../escaped'), /refused: \.\.\/\.\.\/escaped resolves outside the workspace folder/);
    assert.match(article('a/../../x.txt'), /resolves outside/);
    assert.match(article('..\\..\\x.txt'), /resolves outside/);
    assert.match(article('file:///home/ann/news/../secrets/x.txt'), /resolves outside/);
    assert.match(article('file:///home/ann/news/a%2F..%2F..%2Fx'), /resolves outside/);
    assert.match(article('file:///home/ann/newsroom/a.txt'), /outside the workspace folder/);
    assert.match(article('file:///etc/passwd'), /outside the workspace folder/);
    assert.match(article('.'), /names the workspace folder itself/);
    assert.match(article('a\u0000b.txt'), /control characters/);
  });

  it('refuses absolute paths and URLs of another origin', () => {
    assert.match(article('/etc/cron.d/x'), /refused: \/etc\/cron\.d\/x is an absolute path/);
    assert.match(article('C:\\Windows\\x.txt'), /absolute path/);
    assert.match(article('\\\\server\\share\\x.txt'), /absolute path/);
    assert.match(article('https://www.ft.com/content/x'), /https:\/\/www\.ft\.com\/content\/x is outside the workspace folder/);
    assert.match(article('urn:uuid:1234'), /outside the workspace folder/);
    // Without a folder, no URI counts as inside.
    const withoutFolder = articlePathFromSource('file:///home/ann/news/a.txt');
    assert.ok(!withoutFolder.ok && /outside the workspace folder/.test(withoutFolder.reason));
  });

  it('keeps names that only look like schemes', () => {
    assert.equal(article('Note: a reply.txt'), 'Note: a reply.txt');
  });

  it('a store never names a file outside the folder, whatever the path came from', () => {
    assert.equal(articlePathProblem('a/b.txt'), undefined);
    for (const bad of ['../x', 'a/../../x', '/etc/x', 'C:x', '..\\x', '']) {
      assert.ok(articlePathProblem(bad), bad);
      assert.throws(() => storePathFor(bad), ArticlePathError, bad);
    }
  });
});
