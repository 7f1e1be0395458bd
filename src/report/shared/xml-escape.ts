/** Escapes text for XML/HTML character data and attribute values, dropping characters XML 1.0 cannot carry. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlEscape(s: string): string {
  // Control characters are illegal in XML 1.0 even as references; an inventory string must not break the document.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
