import type { LibraryOp } from './library-ops';
import type { LibraryState } from './library-state';

/**
 * What a group of store methods is built on: the in-memory state to read (copies go out,
 * never the records themselves) and the journaled way to change it.
 */
export interface RecordAccess {
  state: LibraryState;
  mutate(op: LibraryOp): unknown;
}
