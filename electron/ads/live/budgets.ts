/**
 * How large a live loop may be, per channel format and encoding, in bytes.
 *
 * Display banners (300×250, 728×90): 150 KB for the WebP, the cap Google Ads and the IAB's initial
 * load guideline put on an animated image ad; 300 KB for the MP4, which such placements load
 * later, as a subload, and which must stay light all the same.
 * Social formats: the platforms accept far more (Meta takes 30 MB images and GB-sized videos), so
 * the budget is about loading fast on a phone. The MP4 gets about 8 Mbit/s over a 6 s loop for the
 * full 1080×1920 story (6 MB), scaled by pixel count for the others; the animated WebP, which
 * compresses motion less well than H.264, gets a little less than the MP4 as it is mostly shown
 * where a video is not (messages, web pages, e-mail).
 */
import type { AdFormatId } from '../../../shared/model/ads';

export interface LiveBudget {
  webp: number;
  mp4: number;
}

const KB = 1024;
const MB = 1024 * KB;

export const LIVE_BUDGETS: Record<AdFormatId, LiveBudget> = {
  square: { webp: 3 * MB, mp4: 4 * MB },
  portrait: { webp: 3.5 * MB, mp4: 5 * MB },
  story: { webp: 5 * MB, mp4: 6 * MB },
  landscape: { webp: 2 * MB, mp4: 3 * MB },
  'medium-rectangle': { webp: 150 * KB, mp4: 300 * KB },
  leaderboard: { webp: 150 * KB, mp4: 300 * KB },
};

/** A size in the units people read: "212 KB", "3.4 MB". */
export function sizeInWords(bytes: number): string {
  return bytes < MB ? `${Math.round(bytes / KB)} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Encodes with each setting of `ladder` in turn (best first, smallest last) until one fits
 * `budget`; when none does, the last try is kept and marked over.
 */
export async function fitBudget<S>(
  ladder: readonly S[],
  budget: number,
  encode: (settings: S) => Promise<Buffer>,
): Promise<{ settings: S; bytes: Buffer; over: boolean }> {
  let last: { settings: S; bytes: Buffer } | null = null;
  for (const settings of ladder) {
    last = { settings, bytes: await encode(settings) };
    if (last.bytes.length <= budget) return { ...last, over: false };
  }
  if (!last) throw new RangeError('fitBudget needs at least one setting to try');
  return { ...last, over: true };
}
