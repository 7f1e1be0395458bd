/** Writes reports as one set: each streamed to an exclusive temporary file, then all renamed into place, or none (see shared/atomic-file-writer.ts). */

import { join } from "node:path";
import { AtomicFileSet, type WriterFs } from "../shared/atomic-file-writer.js";

/** A file's content: a small string, or a producer that writes it piece by piece. */
export type OutputContent = string | ((write: (chunk: string) => void) => void);

export function writeOutputs(outDir: string, files: Record<string, OutputContent>, fs?: WriterFs): string[] {
  const set = new AtomicFileSet(fs);
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = set.stage(join(outDir, name));
      if (typeof content === "string") file.write(content);
      else content((chunk) => file.write(chunk));
    }
  } catch (error) {
    set.abort();
    throw error;
  }
  return set.commit();
}
