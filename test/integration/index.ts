/**
 * Entry point of the integration suite inside VS Code's extension host (`extensionTestsPath`).
 * The suites are bundled into this file; mocha's BDD globals are installed before they load,
 * which is why they are pulled in with `require` inside `run()` rather than imported at the top.
 * NEWS_ANNOTATOR_TEST_GREP (set by scripts/run-integration-tests.mjs --grep) runs matching tests only.
 * NEWS_ANNOTATOR_TEST_SUITE=reload loads reload.test alone instead of ./suites: the runner's second
 * VS Code run, whose window reloads in the middle (the tests then run again in the new window).
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.NEWS_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  const suite = process.env.NEWS_ANNOTATOR_TEST_SUITE;
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  try {
    if (suite === 'reload') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./reload.test');
    } else if (suite) {
      throw new Error(`NEWS_ANNOTATOR_TEST_SUITE must be "reload" or unset, not "${suite}"`);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./suites');
    }
  } catch (error) {
    // A suite that throws while loading would otherwise surface as a bare "failed" exit code.
    console.error('an integration suite failed to load:', error);
    return Promise.reject(error);
  }
  // scripts/vscode-oss-test-host.mjs waits for this line to know the tests reached the extension host.
  console.log('news-annotator integration tests: starting');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
