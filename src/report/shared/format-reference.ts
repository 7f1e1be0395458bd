/** Renders a policy reference as one plain-text line: title, source document and section, URL. */

import type { PolicyReference } from "../../findings/types.js";

export function formatReference(ref: PolicyReference): string {
  const where = [ref.document, ref.section !== undefined ? `§${ref.section}` : undefined].filter((s) => s !== undefined).join(" ");
  return [ref.title, where !== "" ? `(${where})` : undefined, ref.url].filter((s) => s !== undefined).join(" ");
}
