import { describe, expect, it } from 'vitest';
import { localCutout } from '../../../electron/ads/cutout';
import { productShot } from '../../integration/ads/ads-fixture';
import { cupOnTable, mugOnBackdrop, whiteBagOnPaleSweep } from '../../support/product-photos';

describe('a cut-out that says how sure it is', () => {
  it('is confident on a studio shot', async () => {
    const { quality } = await localCutout(await productShot());
    expect(quality).toMatchObject({ confidence: 'high', problems: [] });
    expect(quality.coverage).toBeGreaterThan(0.1);
    expect(quality.edgeAgreement).toBeGreaterThan(0.9);
    expect(quality.backgroundUniformity).toBeGreaterThan(0.9);
  });

  it('finds nothing on a busy wooden table and says the background is why', async () => {
    const { quality } = await localCutout(await cupOnTable());
    expect(quality.confidence).toBe('none');
    expect(quality.coverage).toBe(0);
    expect(quality.problems[0]).toMatch(/no product was found: the background is busy/);
    expect(quality.backgroundUniformity).toBeLessThan(0.5);
  });

  it('doubts a white bag whose lit face matches the sweep (only the shaded side was kept)', async () => {
    const { quality, box } = await localCutout(await whiteBagOnPaleSweep());
    // The shaded face alone: x 400–540 of the bag's 260–540.
    expect(box.x).toBeGreaterThanOrEqual(395);
    expect(quality.confidence).toBe('low');
    expect(quality.problems.join(' ')).toMatch(/outlines outside the cut-out/);
  });

  it("keeps a mug handle's hole transparent when it shows the backdrop, and the mug solid", async () => {
    const { mask, width, quality } = await localCutout(await mugOnBackdrop());
    expect(quality.confidence).toBe('high');
    // The handle ring is centred near (484, 369) with an inner radius of ~47 px; (508, 369) is in its hole.
    expect(mask[369 * width + 508]).toBe(0);
    expect(mask[369 * width + 360]).toBe(255);
    expect(mask[369 * width + 560]).toBe(255);
  });
});
