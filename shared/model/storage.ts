import { z } from 'zod';

/** Why the library cannot be written: its disk is full, its folder read-only or gone, or the disk failed. */
export const STORAGE_FAULTS = ['disk-full', 'unwritable', 'missing', 'io'] as const;
export type StorageFault = (typeof STORAGE_FAULTS)[number];

/**
 * Whether the library can be written now. While it cannot, browsing and search go on, changes are
 * refused with `message`, queued work waits, and writing resumes by itself once a check succeeds.
 */
export const StorageHealth = z.object({
  writable: z.boolean(),
  fault: z.enum(STORAGE_FAULTS).nullable(),
  /** What is wrong, in one sentence (a command line prints this). */
  problem: z.string().nullable(),
  /** For the app's user: what is wrong, what goes on meanwhile, and what brings writing back. */
  message: z.string().nullable(),
  /** When writing stopped. */
  since: z.number().nullable(),
  /** Room to free (bytes) before writing resumes, when the disk is full. */
  neededBytes: z.number().nullable(),
  freeBytes: z.number().nullable(),
});
export type StorageHealth = z.infer<typeof StorageHealth>;

export const WRITABLE: StorageHealth = {
  writable: true,
  fault: null,
  problem: null,
  message: null,
  since: null,
  neededBytes: null,
  freeBytes: null,
};
