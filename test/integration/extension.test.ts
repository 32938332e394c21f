import * as assert from 'node:assert';
import * as vscode from 'vscode';

describe('extension', () => {
  it('is installed', () => {
    assert.ok(vscode.extensions.getExtension('news-annotator.news-annotator'));
  });
});
