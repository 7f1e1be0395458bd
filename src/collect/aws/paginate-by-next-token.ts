/** The one pager for AWS calls that page with NextToken but have no SDK paginator (DescribeIpGroups, DescribeWorkspacesConnectionStatus, ...). */

/**
 * Calls `send` with `NextToken` until the response has none, yielding each page.
 * A repeated token means a broken endpoint; stopping there avoids an endless loop.
 */
export async function* paginateByNextToken<In extends { NextToken?: string | undefined }, Out extends { NextToken?: string | undefined }>(
  send: (input: In) => Promise<Out>,
  input: In,
): AsyncGenerator<Out, void, undefined> {
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await send({ ...input, NextToken: token });
    yield page;
    token = page.NextToken !== undefined && page.NextToken !== "" ? page.NextToken : undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`pagination returned the same NextToken twice (${token.slice(0, 16)}...)`);
      seen.add(token);
    }
  } while (token !== undefined);
}
