/** Durable, all-or-nothing file writes: exclusive unpredictable temporary files, checked writes, fsync, and a set of files replaced as a whole or not at all. */

import { randomBytes } from "node:crypto";
import { closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Bytes gathered before one write call: large enough to be cheap, small enough that no report is one giant string. */
const BUFFER_BYTES = 1 << 20;

/** A write that failed: names the file, and is reported on one line with exit code 4. */
export class OutputWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const e = cause as NodeJS.ErrnoException;
    super(`cannot write ${file}: ${e.code !== undefined ? `${e.code}: ` : ""}${(e.message ?? String(cause)).split("\n")[0] ?? ""}`);
    this.name = "OutputWriteError";
  }
}

/** The file-system calls that can fail under us; tests replace them to inject short writes and failed renames. */
export interface WriterFs {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  renameSync(from: string, to: string): void;
}

const realFs: WriterFs = { writeSync: (fd, b, o, l) => writeSync(fd, b, o, l), renameSync };

// O_EXCL with O_CREAT refuses any existing path, a symlink included; O_NOFOLLOW says so twice where it exists.
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Temporary and kept-aside files of this process, removed on SIGINT/SIGTERM. */
const live = new Set<string>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  live.clear();
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  // Die of the same signal, so the caller sees the usual exit status.
  process.kill(process.pid, signal);
}

function track(path: string): void {
  live.add(path);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
}

function untrack(path: string): void {
  live.delete(path);
  if (live.size === 0 && handlersInstalled) {
    handlersInstalled = false;
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files a killed run (kill -9, power loss) left beside `target`; a live process's files are left alone. */
export function removeStaleTemporaries(target: string): void {
  const dir = dirname(target);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(\\d+)\\.[0-9a-f]{16}\\.(?:tmp|old)$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (m === null || alive(Number(m[1]))) continue;
    const path = join(dir, name);
    try {
      // Only our own kind of file: a directory or anything else with the name is not ours to delete.
      const st = lstatSync(path);
      if (st.isFile() || st.isSymbolicLink()) unlinkSync(path);
    } catch {
      // Raced with another cleaner.
    }
  }
}

const sideName = (target: string, kind: "tmp" | "old"): string => join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(8).toString("hex")}.${kind}`);

function rmQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function syncDir(dir: string): void {
  // Persists the renames; some file systems refuse to fsync a directory, which loses nothing we could keep.
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // See above.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One file being written: text goes to its exclusive temporary file through a buffer, every write checked. */
export class StagedFile {
  readonly temp: string;
  private fd: number | undefined;
  private buffered: string[] = [];
  private bufferedLength = 0;
  bytes = 0;

  constructor(
    readonly target: string,
    private readonly fs: WriterFs,
  ) {
    this.temp = sideName(target, "tmp");
    try {
      this.fd = openSync(this.temp, EXCLUSIVE, 0o644);
    } catch (error) {
      throw new OutputWriteError(target, error);
    }
    track(this.temp);
  }

  write(chunk: string): void {
    this.buffered.push(chunk);
    this.bufferedLength += chunk.length;
    if (this.bufferedLength >= BUFFER_BYTES) this.flush();
  }

  private flush(): void {
    if (this.bufferedLength === 0) return;
    const data = Buffer.from(this.buffered.join(""), "utf8");
    this.buffered = [];
    this.bufferedLength = 0;
    const fd = this.fd;
    if (fd === undefined) throw new OutputWriteError(this.target, new Error("written after close"));
    try {
      // A short write is not an error to the OS; left unchecked it is a truncated file under the final name.
      for (let offset = 0; offset < data.length; ) {
        const n = this.fs.writeSync(fd, data, offset, data.length - offset);
        if (n <= 0) throw Object.assign(new Error("no space left on device (short write)"), { code: "ENOSPC" });
        offset += n;
      }
    } catch (error) {
      throw error instanceof OutputWriteError ? error : new OutputWriteError(this.target, error);
    }
    this.bytes += data.length;
  }

  /** Flushes, fsyncs and closes the temporary file. */
  finish(): void {
    this.flush();
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    try {
      fsyncSync(fd);
      closeSync(fd);
    } catch (error) {
      throw new OutputWriteError(this.target, error);
    }
  }

  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing is best effort on the failure path.
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      // Never created or already gone.
    }
    untrack(this.temp);
  }
}

/**
 * Writes a set of files so that either every target holds its new content or every target keeps its previous one.
 * Usage: `stage()` each file and write it, then `commit()`; on any error call `abort()` (commit aborts by itself).
 */
export class AtomicFileSet {
  private readonly staged: StagedFile[] = [];

  constructor(private readonly fs: WriterFs = realFs) {}

  stage(target: string): StagedFile {
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (error) {
      throw new OutputWriteError(target, error);
    }
    removeStaleTemporaries(target);
    const file = new StagedFile(target, this.fs);
    this.staged.push(file);
    return file;
  }

  abort(): void {
    for (const f of this.staged) f.discard();
    this.staged.length = 0;
  }

  /** Renames every temporary file into place; a failed rename puts every previous file back. */
  commit(): string[] {
    const done: { file: StagedFile; previous: string | undefined }[] = [];
    try {
      for (const f of this.staged) f.finish();
      for (const file of this.staged) {
        // The previous file stays reachable under a side name (a hard link, so the target never disappears).
        let previous: string | undefined = sideName(file.target, "old");
        try {
          linkSync(file.target, previous);
          track(previous);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new OutputWriteError(file.target, error);
          previous = undefined;
        }
        done.push({ file, previous });
        try {
          this.fs.renameSync(file.temp, file.target);
        } catch (error) {
          throw new OutputWriteError(file.target, error);
        }
        untrack(file.temp);
      }
    } catch (error) {
      this.rollBack(done);
      this.abort();
      throw error;
    }
    for (const { previous } of done) {
      if (previous === undefined) continue;
      try {
        unlinkSync(previous);
      } catch {
        // A leftover side file is removed by the next run.
      }
      untrack(previous);
    }
    for (const dir of new Set(this.staged.map((f) => dirname(f.target)))) syncDir(dir);
    const targets = this.staged.map((f) => f.target);
    this.staged.length = 0;
    return targets;
  }

  private rollBack(done: { file: StagedFile; previous: string | undefined }[]): void {
    for (const { file, previous } of done.reverse()) {
      try {
        if (previous !== undefined) {
          renameSync(previous, file.target);
          // Renaming a hard link onto its twin does nothing, so the side name may still be there.
          rmQuietly(previous);
          untrack(previous);
        } else if (!live.has(file.temp)) {
          // The new file made it into place but had no predecessor: remove it, so the set is old or nothing.
          unlinkSync(file.target);
        }
      } catch {
        // Best effort: the error that started the rollback is the one reported.
      }
    }
  }
}

/** Writes one file durably and atomically, the text produced piece by piece by `produce`. */
export function writeFileAtomicSync(target: string, produce: (write: (chunk: string) => void) => void, fs?: WriterFs): void {
  const set = new AtomicFileSet(fs);
  try {
    const file = set.stage(target);
    produce((chunk) => file.write(chunk));
  } catch (error) {
    set.abort();
    throw error;
  }
  set.commit();
}
