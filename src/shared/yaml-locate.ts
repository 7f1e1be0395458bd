/** Finds the line of a path (e.g. ["params", "minPrefix", "default"]) in YAML text, so load errors can name a line. */

const KEY = /^(\s*)(?:-\s+)?(["']?)([^"'#:]+?)\2\s*:(?:\s|$)/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isContent = (line: string): boolean => line.trim() !== "" && !line.trimStart().startsWith("#");

/** 1-based line of the deepest path segment found; 1 when nothing matches. */
export function locateYamlPath(text: string, path: readonly (string | number)[]): number {
  const lines = text.split("\n");
  let start = 0;
  let end = lines.length;
  let parentIndent = -1;
  let found = 0;
  for (const segment of path) {
    let hit = -1;
    let childIndent = -1;
    if (typeof segment === "string") {
      for (let i = start; i < end; i++) {
        const line = lines[i] ?? "";
        if (!isContent(line)) continue;
        const m = KEY.exec(line);
        const keyColumn = m ? line.indexOf(m[3] ?? "", (m[1] ?? "").length) - (m[2] ?? "").length : -1;
        if (m && keyColumn > parentIndent && m[3] === segment) {
          hit = i;
          childIndent = keyColumn;
          break;
        }
      }
    } else {
      let count = -1;
      let itemIndent = -1;
      for (let i = start; i < end; i++) {
        const line = lines[i] ?? "";
        if (!isContent(line)) continue;
        const indent = indentOf(line);
        if (line.trimStart().startsWith("-") && indent > parentIndent && (itemIndent < 0 || indent === itemIndent)) {
          itemIndent = indent;
          count++;
          if (count === segment) {
            hit = i;
            childIndent = indent;
            break;
          }
        }
      }
    }
    if (hit < 0) break;
    found = hit;
    let blockEnd = hit + 1;
    while (blockEnd < end && (!isContent(lines[blockEnd] ?? "") || indentOf(lines[blockEnd] ?? "") > childIndent)) blockEnd++;
    start = hit;
    end = blockEnd;
    parentIndent = childIndent;
  }
  return found + 1;
}
