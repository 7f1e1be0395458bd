/** `CollectionAbortedError`: collection could not start at all; its own file so the CLI can recognise it without loading the AWS SDK. */

/** Collection could not start at all (e.g. no credentials for the only account): an operational failure, exit code 4. */
export class CollectionAbortedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "CollectionAbortedError";
  }
}
