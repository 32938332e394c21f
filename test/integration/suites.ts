// Every integration suite, in the order they run. extension.test stays first (it times activation
// before anything else activates the extension); network.test stays last (it asserts that nothing in
// the whole run made a connection attempt): add new suites between them. reload.test is not listed:
// it reloads the window, so the runner gives it a VS Code run of its own (NEWS_ANNOTATOR_TEST_SUITE).
import './extension.test';
import './activation.test';
import './views.test';
import './index.test';
import './viewMenus.test';
import './comments.test';
import './importSafety.test';
import './editor.test';
import './corpusViews.test';
import './articleWatcher.test';
import './claims.test';
import './network.test';
