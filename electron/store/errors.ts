import { NotFoundError } from '../../shared/errors';

/** Errors a caller may want to tell apart (e.g. to offer "recover" to the user). */
export class LibraryStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** library.json (or its journal) cannot be read; the files are left untouched. */
export class CorruptLibraryError extends LibraryStoreError {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `The library file ${file} is damaged and was not opened (${detail}). ` +
        'It has been left as it is; open with recoverCorrupt to set it aside and start a fresh library.',
    );
  }
}

/** Written by a newer Swatchbook: refusing keeps us from clobbering data we do not understand. */
export class NewerSchemaError extends LibraryStoreError {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The library file ${file} has schema version ${found}, but this version of Swatchbook ` +
        `understands up to ${supported}. Update Swatchbook to open it; the file was not changed.`,
    );
  }
}

/** A record file changed or went missing under the open library (another program, a sync client). */
export class RecordReadError extends LibraryStoreError {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `A record of the library could not be read back from ${file} (${detail}): the file changed or ` +
        'went missing while the library was open. Nothing was written; reopen the library, which checks its files.',
    );
  }
}

export class StoreClosedError extends LibraryStoreError {
  constructor() {
    super('The library store is closed.');
  }
}

/** A collection or saved search id that does not exist (deleted in another window, say). */
export class UnknownRecordError extends NotFoundError {
  constructor(kind: string, id: string) {
    super(`no ${kind} with id ${id.slice(0, 64)}`);
  }
}
