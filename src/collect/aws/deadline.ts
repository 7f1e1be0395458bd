/** A time limit for all calls of one account and region: once it passes, every call in flight or to come fails with DeadlineExceeded. */

export class DeadlineExceededError extends Error {
  constructor(seconds: number) {
    super(`the collection deadline of ${seconds} s for this account and region passed`);
    this.name = "DeadlineExceeded";
  }
}

export class Deadline {
  private readonly at: number;
  private timer: NodeJS.Timeout | undefined;
  private expiredPromise: Promise<never> | undefined;

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.at = now() + seconds * 1000;
  }

  get passed(): boolean {
    return this.now() >= this.at;
  }

  /** Runs `work`, but rejects with DeadlineExceeded as soon as the deadline passes (the work itself is left to the socket timeouts). */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.passed) return Promise.reject(new DeadlineExceededError(this.seconds));
    this.expiredPromise ??= new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => reject(new DeadlineExceededError(this.seconds)), Math.max(0, this.at - this.now()));
      this.timer.unref();
    });
    // Settled either way: the losing promise's rejection is handled by race itself.
    this.expiredPromise.catch(() => undefined);
    return Promise.race([work, this.expiredPromise]);
  }

  /** Stops the timer (the unit is done). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
