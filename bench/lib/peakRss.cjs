// Preloaded into a measured process (node --require): prints its peak resident set size on exit.
'use strict';
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
});
