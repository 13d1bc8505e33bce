import { z } from 'zod';

export const LibraryFolder = z.object({
  path: z.string(),
  addedAt: z.number(),
  /**
   * `missing`: offline, as the user reads it (deleted, moved, or a drive or share not mounted); its assets
   * are kept, and it is looked for until it is back.
   */
  state: z.enum(['ok', 'missing']),
  error: z.string().nullable(),
  /** When it went offline (epoch ms); null when ok. Optional: folders recorded before it was kept lack it. */
  since: z.number().nullable().optional(),
});
export type LibraryFolder = z.infer<typeof LibraryFolder>;

import { JOB_STATES } from './jobs';

/** An ingest job is a persisted record: a crash resumes from these. */
export const IngestJob = z.object({
  path: z.string(),
  state: z.enum(JOB_STATES),
  /** Higher runs first (what the user is looking at). */
  priority: z.number().int(),
  enqueuedAt: z.number(),
  error: z.string().nullable(),
});
export type IngestJob = z.infer<typeof IngestJob>;

export const IngestProgress = z.object({
  done: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  /** Files per second over the recent window. */
  rate: z.number(),
  etaSeconds: z.number().nullable(),
  currentFile: z.string().nullable(),
  running: z.boolean(),
  /** Why queued files wait (the disk is full, paused by you), or null while they are read. */
  waitingFor: z.string().nullable().default(null),
});
export type IngestProgress = z.infer<typeof IngestProgress>;
