import { z } from 'zod';
import { SearchQuery } from './search';

export const TagName = z.string().trim().min(1).max(200);

export const TagCount = z.object({ name: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof TagCount>;

/** A board an asset can belong to several of (Eagle's folders, Allusion's collections). */
export const Collection = z.object({
  id: z.string(),
  name: z.string(),
  hashes: z.array(z.string()),
  createdAt: z.number(),
});
export type Collection = z.infer<typeof Collection>;

/** A named set of filters that is re-run whenever it is opened, so it updates itself. */
export const SavedSearch = z.object({
  id: z.string(),
  name: z.string(),
  query: SearchQuery,
  createdAt: z.number(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;
