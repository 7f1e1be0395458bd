/** Timing and memory helpers for the benchmark: wall time in ms, medians, forced GC between phases, heap and peak RSS snapshots. */

import { performance } from "node:perf_hooks";

const MB = 1024 * 1024;

/** Forces a full collection when node runs with --expose-gc, so a phase does not pay for the previous one's garbage. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const gcAvailable = (): boolean => typeof (globalThis as { gc?: unknown }).gc === "function";

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface MemorySnapshot {
  heapUsedMb: number;
  rssMb: number;
  /** The process's RSS high-water mark so far (getrusage maxrss). */
  maxRssMb: number;
}

export function memory(): MemorySnapshot {
  const usage = process.memoryUsage();
  return {
    heapUsedMb: usage.heapUsed / MB,
    rssMb: usage.rss / MB,
    // maxRSS is in kilobytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
