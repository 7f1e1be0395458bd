/** Orders NIST 800-53 ids the way the catalogue does: family, then control number, then enhancement (AC-2 < AC-2(3) < AC-17). */

import { compareStrings, firstDifference } from "./compare-results.js";

function parts(id: string): [string, number, number] {
  const m = /^([A-Za-z]+)-(\d+)(?:\((\d+)\))?/.exec(id);
  if (m === null) return [id, -1, -1];
  return [m[1] ?? id, Number(m[2]), m[3] !== undefined ? Number(m[3]) : -1];
}

export function compareControlIds(a: string, b: string): number {
  const [fa, na, ea] = parts(a);
  const [fb, nb, eb] = parts(b);
  return firstDifference(compareStrings(fa, fb), na - nb, ea - eb, compareStrings(a, b));
}
