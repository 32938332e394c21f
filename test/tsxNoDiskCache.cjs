// Loaded by mocha (.mocharc.json) before tsx: tsx would otherwise keep its compile cache in
// /tmp/tsx-<uid>, and `npm test` leaves /tmp as it found it. Compiling the tests again each run costs
// a second or two.
process.env.TSX_DISABLE_CACHE = '1';
