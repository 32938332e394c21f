/**
 * Where the extension reports what went wrong without bothering the user: one injected logger
 * (as vscode-markdown-languageservice takes an `ILogger`), which the extension backs with its
 * "News Annotator" output channel. VS Code's `LogOutputChannel` satisfies it as it is.
 */

/** A sink for diagnostics; `error` and `warn` take the error or value that caused them. */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A logger that drops everything (for callers and tests that were given none). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
