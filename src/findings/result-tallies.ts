/** Counts results per policy, account and region as they are produced, so a pass is counted without being kept. */

import { compareStrings, firstDifference } from "./sort-results.js";
import { STATUSES, type ResultTally, type Status } from "./types.js";

const zero = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

export class ResultTallies {
  /** policy → "account\u0000region" → counts: memory grows with policies × accounts × regions, never with resources. */
  private readonly byPolicy = new Map<string, Map<string, ResultTally>>();
  private last: ResultTally | undefined;

  /** The live counts of one policy in one account and region (callers increment them directly on hot paths). */
  counts(policyId: string, accountId: string, region: string): Record<Status, number> {
    // Resources come grouped by account and region, so the last scope answers almost every call without a key string.
    const last = this.last;
    if (last !== undefined && last.policyId === policyId && last.accountId === accountId && last.region === region) return last.counts;
    let scopes = this.byPolicy.get(policyId);
    if (scopes === undefined) {
      scopes = new Map();
      this.byPolicy.set(policyId, scopes);
    }
    const key = `${accountId}\u0000${region}`;
    let tally = scopes.get(key);
    if (tally === undefined) {
      tally = { policyId, accountId, region, counts: zero() };
      scopes.set(key, tally);
    }
    this.last = tally;
    return tally.counts;
  }

  add(policyId: string, accountId: string, region: string, status: Status, n = 1): void {
    this.counts(policyId, accountId, region)[status] += n;
  }

  /** Every tally, sorted by policy, account, region. */
  list(): ResultTally[] {
    return [...this.byPolicy.values()]
      .flatMap((m) => [...m.values()])
      .sort((a, b) => firstDifference(compareStrings(a.policyId, b.policyId), compareStrings(a.accountId, b.accountId), compareStrings(a.region, b.region)));
  }
}
