/**
 * The library cannot be written now (a full disk, its folder gone or read-only): nothing recorded was
 * lost, and running the command again once it can be written goes on where this run stopped.
 */
export const STORAGE_UNAVAILABLE_EXIT_CODE = 5;

/** A batch job asked for (--batch) could not be started, or Bedrock ended it without the answers: it says why. */
export const BATCH_NOT_DONE_EXIT_CODE = 6;
