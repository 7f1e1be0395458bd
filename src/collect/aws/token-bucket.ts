/** A token bucket that paces calls to one rate-limited API (the WorkSpaces 2/s, burst 5 limit) for one account and region. */

export interface RateLimit {
  /** Tokens added per second: the sustained call rate. */
  ratePerSecond: number;
  /** Bucket capacity: how many calls may go at once after a quiet period. */
  burst: number;
}

export const DEFAULT_WORKSPACES_RATE_LIMIT: RateLimit = { ratePerSecond: 2, burst: 5 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = this.now();
  }

  /**
   * Takes one token, waiting until it is available. A caller reserves its token at once (the balance may go negative),
   * so waiters are served in arrival order and none can starve.
   */
  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Reserves a token and returns how many milliseconds the caller must wait before using it. */
  reserve(): number {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.ratePerSecond);
    this.last = t;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.limit.ratePerSecond) * 1000;
  }
}
