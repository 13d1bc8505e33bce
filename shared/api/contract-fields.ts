/** Fields several parts of the API contract validate the same way. */
import { z } from 'zod';

export const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'not an asset hash');
export const Nothing = z.object({}).strict().default({});
export const Id = z.string().min(1).max(64);
/**
 * Names a model answer the client watches as it streams in: `modelText` events carry it, and
 * `stopModelStream` with it stops the call (nothing of the answer is kept).
 */
export const StreamId = z.string().uuid();
