import { describe, expect, it } from 'vitest';
import { fitBudget, LIVE_BUDGETS, sizeInWords } from '../../../../electron/ads/live/budgets';
import { AD_FORMAT_IDS } from '../../../../shared/model/ads';

describe('live loop size budgets', () => {
  it('has a WebP and an MP4 budget for every channel format, banners kept small', () => {
    for (const id of AD_FORMAT_IDS) {
      expect(LIVE_BUDGETS[id].webp).toBeGreaterThan(0);
      expect(LIVE_BUDGETS[id].mp4).toBeGreaterThan(0);
    }
    expect(LIVE_BUDGETS['medium-rectangle'].webp).toBeLessThanOrEqual(150 * 1024);
    expect(LIVE_BUDGETS.leaderboard.webp).toBeLessThanOrEqual(150 * 1024);
  });

  it('stops at the first setting that fits', async () => {
    const tried: number[] = [];
    const result = await fitBudget([80, 65, 50], 1000, async (quality) => {
      tried.push(quality);
      return Buffer.alloc(quality * 15);
    });
    expect(tried).toEqual([80, 65]);
    expect(result).toMatchObject({ settings: 65, over: false });
    expect(result.bytes.length).toBe(975);
  });

  it('keeps the smallest try, marked over, when nothing fits', async () => {
    const result = await fitBudget([80, 65, 50], 100, async (quality) => Buffer.alloc(quality * 15));
    expect(result).toMatchObject({ settings: 50, over: true });
  });

  it('says sizes the way people read them', () => {
    expect(sizeInWords(150 * 1024)).toBe('150 KB');
    expect(sizeInWords(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
