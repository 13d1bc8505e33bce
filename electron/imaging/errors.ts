/** A file the library cannot ingest; `message` is the reason shown to the user. */
export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageRejectedError';
  }
}
