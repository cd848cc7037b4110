/*
 * Server text inside a hover's Markdown. VS Code renders Markdown tooltips without HTML or
 * command links unless asked, but a bracket or a backtick could still make a link or break a
 * line, so every server value goes through one of these.
 */

/** Escapes Markdown so text from the server cannot add links, images, emphasis or HTML. */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** Inline code holding any text, on one line: a fence longer than any backtick run inside. */
export function markdownCode(value: string, maxLength = 500): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  const shown = flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
  const longest = Math.max(0, ...Array.from(shown.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${shown} ${fence}` : `${fence}${shown}${fence}`;
}
