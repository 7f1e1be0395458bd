/** Writes an inventory file atomically: a temp file in the same directory, fsync, then rename, so a crash never leaves half a file. */

import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Inventory } from "../inventory/model.js";

/** Bytes per write call; large inventories are written in pieces rather than as one huge buffer. */
const CHUNK = 1 << 20;

export async function writeInventoryAtomic(path: string, inventory: Inventory): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(inventory, null, 2)}\n`);
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  // Same directory as the target, so the rename never crosses a file system and stays atomic.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const file = await open(temp, "wx", 0o644);
  try {
    const data = Buffer.from(text, "utf8");
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      await file.write(data, offset, Math.min(CHUNK, data.length - offset));
    }
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // Persist the rename itself; some file systems refuse to fsync a directory, which is harmless here.
  const dirHandle = await open(dir, "r").catch(() => undefined);
  if (dirHandle) {
    await dirHandle.sync().catch(() => undefined);
    await dirHandle.close();
  }
}
