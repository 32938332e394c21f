/**
 * Article text inside Markdown (hover cards): shown as the text it is, never as markup. Every ASCII
 * punctuation mark Markdown gives a meaning is backslash-escaped, which renders as the mark itself;
 * `:`, `.` and `@` are among them so that a bare URL (`http://…`, `www.…`) or an e-mail address in
 * the text is not turned into a link by the renderer's autolinking (GFM's extended autolinks in
 * VS Code's renderer look for exactly those). Runs of white space become one space.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"':@/=?$%^,;]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
