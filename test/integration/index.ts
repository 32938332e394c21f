/**
 * Entry point of the integration suite inside VS Code's extension host (`extensionTestsPath`).
 * The suites are bundled into this file; mocha's BDD globals are installed before they load,
 * which is why they are pulled in with `require` inside `run()` rather than imported at the top.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./suites');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
