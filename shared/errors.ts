/**
 * An error whose message is written for the user, with the status a transport reports it with
 * (HTTP in browser mode, the same number over IPC). Anything else that escapes is a bug: logged, 500.
 */
export abstract class UserFacingError extends Error {
  abstract readonly status: 400 | 403 | 404 | 409 | 502 | 503;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request cannot be honoured as it is: bad input, or a choice this setup refuses. */
export class InvalidRequestError extends UserFacingError {
  readonly status = 400;
}

/** The person may not do this here (their role in a team library); the message says who may. */
export class ForbiddenError extends UserFacingError {
  readonly status = 403;
}

/** What the request names does not exist (any more). */
export class NotFoundError extends UserFacingError {
  readonly status = 404;
}

/** The request is fine but the thing it acts on is not ready for it (e.g. a campaign with no product). */
export class ConflictError extends UserFacingError {
  readonly status = 409;
}

/** A service the app called on the user's behalf (a model) failed; the message says why and what helps. */
export class UpstreamError extends UserFacingError {
  readonly status = 502;
}

/**
 * The library cannot be written now: its disk is full, its folder is gone or read-only. Reading goes on;
 * the message says what is wrong and what brings writing back (it resumes by itself once it can).
 */
export class StorageUnavailableError extends UserFacingError {
  readonly status = 503;

  constructor(
    message: string,
    /** The problem alone, without what the app does meanwhile (a command line stops instead of waiting). */
    readonly problem = message,
  ) {
    super(message);
  }
}
