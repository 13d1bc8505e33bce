import { z } from 'zod';

export const LibraryFolder = z.object({
  path: z.string(),
  addedAt: z.number(),
  /** `missing` when the folder vanished while watched (unmounted drive, deleted); its assets are kept. */
  state: z.enum(['ok', 'missing']),
  error: z.string().nullable(),
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
});
export type IngestProgress = z.infer<typeof IngestProgress>;
