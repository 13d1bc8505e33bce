/**
 * The ad studio on product photos as marketers take them (a cup on a lit wooden table, a white bag on
 * a pale sweep, an apple on a backdrop): it says when it cannot find the product, refuses to make ads
 * without it, frames the whole photo when asked, draws each theme as it says and records what it drew.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/errors';
import { ApiHost } from '../../../electron/api/api-host';
import type { AdFormatId, Theme } from '../../../shared/model/ads';
import { makeStripes } from '../../support/images';
import { appleShot, backdropFiles, cupOnTable, whiteBagOnPaleSweep } from '../../support/product-photos';
import { openGeneratedLibrary, type GeneratedLibrary } from '../../support/generated-library';
import { COPY } from './ads-fixture';

let fixture: GeneratedLibrary | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function openLibrary(): Promise<GeneratedLibrary> {
  return openGeneratedLibrary(
    {
      'cup.jpg': cupOnTable(),
      'bag.jpg': whiteBagOnPaleSweep(),
      'apple.png': appleShot(),
      ...backdropFiles(),
      'mono-stripes.png': makeStripes({
        width: 480,
        height: 320,
        period: 40,
        orientation: 'vertical',
        colours: ['#111111', '#ffffff'],
      }),
    },
    { prefix: 'ads-honesty' },
  );
}

async function campaignFor(
  library: GeneratedLibrary,
  file: string,
  themes: Theme[],
  formats: AdFormatId[] = ['square'],
) {
  return library.engine.ads.createCampaign({
    name: `${file} launch`,
    productHash: library.hashOf(file),
    productName: file.replace(/\..*/, ''),
    notes: '',
    copy: COPY,
    formats,
    themes,
  });
}

async function rgbOf(file: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('an ad studio that never says ready when the ad is wrong', () => {
  it('finds no product on a busy table, says so, refuses to generate (409), and frames the whole photo when asked', async () => {
    fixture = await openLibrary();
    const { ads } = fixture.engine;
    const campaign = await campaignFor(fixture, 'cup.jpg', ['lifestyle', 'studio']);
    expect(campaign.cutout?.quality).toMatchObject({ confidence: 'none' });
    expect(campaign.cutout?.quality?.problems.join(' ')).toMatch(/busy/);
    expect(() => ads.generate(campaign.id, { generator: 'local', count: 1 })).toThrow(ConflictError);

    // Through the API a script sees the same refusal, as a 409 whose message names the ways forward.
    const host = new ApiHost(fixture.engine);
    const refused = await host.call('generateAds', { id: campaign.id, request: { generator: 'local', count: 1 } });
    host.events.close();
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect(JSON.stringify(refused)).toMatch(/whole photo/);
    await expect(ads.chooseCutout(campaign.id, 'as-is')).rejects.toThrow(ConflictError);

    const whole = await ads.chooseCutout(campaign.id, 'whole-photo');
    expect(whole.cutout).toMatchObject({ method: 'whole-photo', confirmed: true });
    ads.generate(whole.id, { generator: 'local', count: 1, seed: 5 });
    await ads.queue.settled();
    const variants = fixture.engine.store.ads.listVariants(campaign.id);
    expect(variants.map((v) => v.state)).toEqual(['ready', 'ready']);
    // The framed photo is the cup photo itself (resampled, never altered).
    const cup = await sharp(await cupOnTable()).removeAlpha();
    for (const variant of variants) {
      const box = variant.productBox!;
      const ad = await rgbOf(ads.variantFile(variant.id));
      const expected = await cup.clone().resize(box.width, box.height, { fit: 'fill' }).raw().toBuffer();
      let diff = 0;
      for (let y = 0; y < box.height; y++)
        for (let x = 0; x < box.width; x++)
          for (let c = 0; c < 3; c++)
            diff += Math.abs(
              ad.data[((box.y + y) * ad.width + box.x + x) * 3 + c] - expected[(y * box.width + x) * 3 + c],
            );
      expect(diff / (box.width * box.height * 3), variant.id).toBeLessThan(4);
    }
    const lifestyle = variants.find((v) => v.recipe?.startsWith('lifestyle'));
    expect(lifestyle?.recipe).toMatch(/library photo meadow\.jpg, blurred/);
    expect(lifestyle?.backgroundAssets).toEqual([fixture.hashOf('meadow.jpg')]);
  });

  it('doubts a white bag on a pale sweep (only its shaded side found) until a person keeps or corrects it', async () => {
    fixture = await openLibrary();
    const { ads } = fixture.engine;
    const campaign = await campaignFor(fixture, 'bag.jpg', ['studio']);
    expect(campaign.cutout?.quality?.confidence).toBe('low');
    expect(campaign.cutout?.quality?.problems.join(' ')).toMatch(/outside the cut-out/);
    expect(() => ads.generate(campaign.id, { generator: 'local', count: 1 })).toThrow(/Brush the product in/);
    // The bag's lit face is at x 260–400 of the 800 px shot: brushed in, the campaign may go ahead.
    const brushed = await ads.editCutout(campaign.id, [
      {
        mode: 'add',
        radius: 40,
        points: [
          [300, 320],
          [300, 600],
          [360, 600],
          [360, 320],
        ],
      },
    ]);
    expect(brushed.cutout).toMatchObject({ edited: true });
    expect(ads.generate(campaign.id, { generator: 'local', count: 1 })).toHaveLength(1);
    await ads.queue.settled();
  });

  it('draws each theme as it says and records it: studio and seasonal differ, the pattern agrees with the product', async () => {
    fixture = await openLibrary();
    const { ads } = fixture.engine;
    const campaign = await campaignFor(fixture, 'apple.png', ['studio', 'seasonal', 'pattern']);
    expect(campaign.cutout?.quality?.confidence).toBe('high');
    const pattern = campaign.concepts.find((c) => c.theme === 'pattern');
    // A burgundy apple goes on the wine print, not the black-and-white stripe.
    expect(pattern?.patternHash).toBe(fixture.hashOf('wine-stripes.png'));

    ads.generate(campaign.id, { generator: 'local', count: 1, seed: 9 });
    await ads.queue.settled();
    const variants = fixture.engine.store.ads.listVariants(campaign.id);
    const byTheme = (theme: Theme) => {
      const concept = campaign.concepts.find((c) => c.theme === theme)!;
      return variants.find((v) => v.conceptId === concept.id)!;
    };
    for (const v of variants) expect(v.state, `${v.recipe}: ${v.attention.join('; ')}`).toBe('ready');
    expect(byTheme('studio').recipe).toMatch(/^studio: sweep .* floor shadow/);
    expect(byTheme('seasonal').recipe).toMatch(/^seasonal \((winter|spring|summer|autumn)\): .* drawn locally/);
    expect(byTheme('pattern').backgroundAssets).toEqual([fixture.hashOf('wine-stripes.png')]);

    // Every theme keeps the product's own pixels: wherever the cut-out is solid, the ad shows it unaltered.
    const cutout = await ads.cutouts.product(campaign);
    for (const v of variants) {
      const box = v.productBox!;
      const placed = await sharp(cutout.rgba, { raw: { width: cutout.width, height: cutout.height, channels: 4 } })
        .resize(box.width, box.height, { fit: 'fill' })
        .raw()
        .toBuffer();
      const ad = await rgbOf(ads.variantFile(v.id));
      let solid = 0;
      let changed = 0;
      for (let y = 0; y < box.height; y++)
        for (let x = 0; x < box.width; x++) {
          const p = (y * box.width + x) * 4;
          if (placed[p + 3] !== 255) continue;
          solid++;
          const a = ((box.y + y) * ad.width + box.x + x) * 3;
          if ([0, 1, 2].some((c) => ad.data[a + c] !== placed[p + c])) changed++;
        }
      expect(solid, v.recipe ?? '').toBeGreaterThan(1000);
      expect(changed, v.recipe ?? '').toBe(0);
    }

    const studio = await rgbOf(ads.variantFile(byTheme('studio').id));
    const seasonal = await rgbOf(ads.variantFile(byTheme('seasonal').id));
    let diff = 0;
    for (let i = 0; i < studio.data.length; i++) diff += Math.abs(studio.data[i] - seasonal.data[i]);
    expect(diff / studio.data.length).toBeGreaterThan(12);

    // Wine and rose stripes defeat any single text colour: the layout fixes it and the variant says how.
    const headline = byTheme('pattern').legibility.find((l) => l.slot === 'headline');
    expect(headline?.fixes.length).toBeGreaterThan(0);
    expect(headline?.contrast).toBeGreaterThanOrEqual(4.5);

    for (const v of variants) ads.review(v.id, 'approved', 'mia');
    const out = await ads.export(campaign.id, path.join(fixture.dataDir, 'out'));
    const manifest = JSON.parse(await fs.readFile(out.manifest, 'utf8'));
    const entry = manifest.variants.find((e: { theme: string }) => e.theme === 'pattern');
    expect(entry).toMatchObject({
      generator: 'local',
      prompt: null,
      backgroundAssets: [fixture.hashOf('wine-stripes.png')],
    });
    expect(entry.recipe).toMatch(/wine-stripes\.png/);
  });
});
