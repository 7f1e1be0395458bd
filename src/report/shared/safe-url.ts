/** Accepts only http(s) URLs from policy packs, so a reference can never become a `javascript:` link. */

export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
