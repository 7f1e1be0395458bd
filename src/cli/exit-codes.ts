/** Exit codes of every wsaudit command, documented in the README's exit-code table. */

export const EXIT = {
  /** Nothing at or above the --fail-on threshold failed, and every policy could decide. */
  ok: 0,
  /** At least one unwaived failing result at or above --fail-on. */
  findings: 1,
  /** Usage or input error: bad flag, malformed or invalid file; nothing was written. */
  input: 2,
  /** Evaluation incomplete: some results are `error` (data missing or an expression failed), and no finding gated first. */
  incomplete: 3,
  /** Operational failure: e.g. no AWS credentials, or an output file could not be written. */
  operational: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
