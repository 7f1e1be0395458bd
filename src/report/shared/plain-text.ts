/** Makes an inventory or pack string safe for one terminal line: control characters (ANSI escapes, newlines) become spaces. */

export function plainText(s: string): string {
  // An ESC from a resource tag could otherwise recolour or rewrite the operator's terminal.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001F\u007F-\u009F]/g, " ");
}
