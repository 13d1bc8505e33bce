import { z } from 'zod';

/**
 * How far opening the library has got: reading it, indexing what was read, or writing it out in
 * the current layout after a migration. Rate (units per second) and ETA are measured where the
 * progress happens, so a page that loads late still sees them.
 */
export const OpeningProgress = z.object({
  stage: z.enum(['reading', 'indexing', 'writing']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  unit: z.enum(['MB', 'shards', 'images']),
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
});
export type OpeningProgress = z.infer<typeof OpeningProgress>;

/** The library as the app starts: opening (progress null until the store reports any), ready, or failed to open. */
export const LibraryOpening = z.discriminatedUnion('state', [
  z.object({ state: z.literal('opening'), progress: OpeningProgress.nullable() }),
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('failed'), error: z.string() }),
]);
export type LibraryOpening = z.infer<typeof LibraryOpening>;

/**
 * The newer of two states as a client hears them: a reply to its first ask and pushed events can
 * cross, and an opening that has ended (ready or failed) never starts again.
 */
export function laterOpening(known: LibraryOpening | undefined, next: LibraryOpening): LibraryOpening {
  return known && known.state !== 'opening' && next.state === 'opening' ? known : next;
}
