import { z } from 'zod';

/**
 * One state vocabulary for every kind of background work (ingest, model analysis, ad variants):
 * queued → running → done | failed | cancelled, and waiting while something outside holds it
 * (paused, offline, no credentials, budget reached).
 */
export const JOB_STATES = ['queued', 'running', 'waiting', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const JobStateSchema = z.enum(JOB_STATES);

export const ACTIVE_JOB_STATES = ['queued', 'running', 'waiting'] as const satisfies readonly JobState[];
export const FINISHED_JOB_STATES = ['done', 'failed', 'cancelled'] as const satisfies readonly JobState[];
