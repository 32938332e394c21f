// Every integration suite, in the order they run.
import './extension.test';
