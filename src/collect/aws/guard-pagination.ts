/** Stops a paginated call that would never end: a next-page token seen before in the same listing, or more pages than a cap, is an error. */

/** Pages one listing may take before it counts as runaway: 25 per page would be 500,000 WorkSpaces in one region. */
export const DEFAULT_MAX_PAGES = 20_000;

export class PaginationError extends Error {
  constructor(operation: string, detail: string) {
    super(`${operation} pagination stopped: ${detail}`);
    this.name = "PaginationLoop";
  }
}

const INPUT_TOKENS = ["NextToken", "nextToken", "Marker"] as const;
const OUTPUT_TOKENS = ["NextToken", "nextToken", "NextMarker", "Marker"] as const;

const tokenOf = (from: unknown, keys: readonly string[]): string | undefined => {
  if (typeof from !== "object" || from === null) return undefined;
  for (const key of keys) {
    const v = (from as Record<string, unknown>)[key];
    if (typeof v === "string" && v !== "") return v;
  }
  return undefined;
};

interface Listing {
  tokens: Set<string>;
  pages: number;
}

/**
 * Remembers, per listing, the tokens already handed out. The SDK paginators send every page of one listing with the
 * same input object (they only change its token), so the input object identifies the listing; a hand-rolled pager that
 * copies its input still gets the stateless check (the answer repeats the token it was asked with).
 */
export class PaginationGuard {
  private readonly listings = new WeakMap<object, Listing>();

  constructor(private readonly maxPages: number = DEFAULT_MAX_PAGES) {}

  /** Checks one answered page; throws PaginationError when the listing repeats itself or runs past the cap. */
  check(operation: string, input: unknown, output: unknown): void {
    const next = tokenOf(output, OUTPUT_TOKENS);
    const asked = tokenOf(input, INPUT_TOKENS);
    if (next === undefined && asked === undefined) return;
    if (next !== undefined && next === asked) throw new PaginationError(operation, "the answer repeats the next-page token it was asked with");
    if (typeof input !== "object" || input === null) return;
    let listing = this.listings.get(input);
    if (!listing) this.listings.set(input, (listing = { tokens: new Set(), pages: 0 }));
    listing.pages++;
    if (listing.pages > this.maxPages) throw new PaginationError(operation, `more than ${this.maxPages} pages`);
    if (next === undefined) return;
    if (listing.tokens.has(next)) throw new PaginationError(operation, "a next-page token came back a second time");
    listing.tokens.add(next);
  }
}
