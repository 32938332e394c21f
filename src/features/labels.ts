/** Label text shared by the tree views, hovers and comment threads. */

/** `count` and the noun that goes with it: `1 article`, `3 articles`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
