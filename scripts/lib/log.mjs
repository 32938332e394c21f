// Progress lines for the run scripts: one prefix, so a CI log shows which step said what.

/** Prints a progress line. */
export function step(message) {
  console.log(`[news-annotator] ${message}`);
}

/** Prints an error line and ends the process with a non-zero code. */
export function fail(message) {
  console.error(`[news-annotator] ERROR: ${message}`);
  process.exit(1);
}

/**
 * Resolves with the promise's value, or rejects after `ms` with a message that names what was awaited:
 * every wait in the scripts goes through this so nothing can hang forever.
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
