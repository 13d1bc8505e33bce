import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../../shared/model/ads';
import { bottleCampaign, COPY, openAdsFixture, type AdsFixture } from './ads-fixture';

let fixture: AdsFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('the ad studio offline (local cut-out and compositor)', () => {
  it('cuts the product out of its plain background', async () => {
    fixture = await openAdsFixture();
    const campaign = await bottleCampaign(fixture, {}, 'Bottle launch');
    // The bottle spans x 300–500, y 150–680 of the 800 px shot.
    const box = campaign.cutout!.box;
    expect(Math.abs(box.x - 300)).toBeLessThanOrEqual(4);
    expect(Math.abs(box.y - 150)).toBeLessThanOrEqual(4);
    expect(Math.abs(box.x + box.width - 500)).toBeLessThanOrEqual(4);
    expect(Math.abs(box.y + box.height - 680)).toBeLessThanOrEqual(4);
    expect(campaign.features?.colours.map((c) => c.name)).toContain('coral');
    // The light grey backdrop is not a product colour.
    expect(campaign.features?.colours.map((c) => c.hex)).not.toContain('#eeeeee');
    const edited = await fixture.engine.ads.editCutout(campaign.id, [
      { mode: 'add', radius: 20, points: [[100, 100]] },
    ]);
    expect(edited.cutout).toMatchObject({ edited: true });
    expect(edited.cutout!.box.x).toBeLessThan(120);
  });

  it('renders every format from the library pattern and a studio sweep, approves two and exports them with a manifest', async () => {
    fixture = await openAdsFixture();
    const { ads } = fixture.engine;
    const campaign = await ads.createCampaign({
      name: 'Bottle launch',
      productHash: fixture.productHash,
      productName: 'Steel bottle',
      notes: 'no outdoor scenes',
      copy: COPY,
      brand: {
        forbiddenWords: ['cheap'],
        requiredDisclaimer: 'Offer ends Sunday.',
        allowedColours: [],
        guardrailId: '',
        guardrailVersion: '',
      },
      formats: AD_FORMATS.map((f) => f.id),
      themes: ['studio', 'pattern'],
      logoHash: fixture.logoHash,
    });
    expect(campaign.concepts.map((c) => c.theme)).toEqual(['studio', 'pattern']);
    expect(ads.estimate(campaign.id, { generator: 'local', count: 1 })).toMatchObject({ images: 12, costUsd: 0 });

    const variants = ads.generate(campaign.id, { generator: 'local', count: 1, seed: 42 });
    await ads.queue.settled();
    const rendered = fixture.engine.store.ads.listVariants(campaign.id);
    expect(rendered).toHaveLength(variants.length);
    for (const v of rendered) {
      expect(v, v.format).toMatchObject({ state: 'ready', generator: 'local', costUsd: 0, guardrail: [] });
      expect(v.contrast!).toBeGreaterThanOrEqual(4.5);
      const meta = await sharp(ads.variantFile(v.id)).metadata();
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      const b = v.productBox!;
      expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= v.width && b.y + b.height <= v.height).toBe(true);
    }

    const [first, second] = rendered.filter((v) => v.format === 'square');
    ads.review(first.id, 'approved', 'mia');
    ads.review(second.id, 'approved', 'mia');
    ads.review(rendered.find((v) => v.format === 'story')!.id, 'rejected', 'mia');
    const out = await ads.export(campaign.id, path.join(fixture.dataDir, 'out'));
    expect(out.files.map((f) => path.relative(out.folder, f)).sort()).toEqual([
      'square/bottle-launch-square-pattern-1.png',
      'square/bottle-launch-square-studio-1.png',
    ]);
    const manifest = JSON.parse(await fs.readFile(out.manifest, 'utf8'));
    expect(manifest).toMatchObject({ campaign: 'Bottle launch', totalCostUsd: 0, copy: COPY });
    expect(manifest.variants).toHaveLength(2);
    for (const entry of manifest.variants) {
      expect(entry).toMatchObject({ format: 'square', size: '1080x1080', generator: 'local', reviewer: 'mia' });
      // The local compositor sent no prompt anywhere: the manifest says what it drew instead.
      expect(entry.prompt).toBeNull();
      expect(entry.recipe).toMatch(
        entry.theme === 'pattern' ? /^pattern: library pattern stripes\.png/ : /^studio: sweep/,
      );
      expect(typeof entry.seed).toBe('number');
      await fs.access(path.join(out.folder, entry.file));
    }

    // Exporting again after taking an approval back leaves no stale file behind.
    ads.review(second.id, 'rejected', 'mia');
    const again = await ads.export(campaign.id, path.join(fixture.dataDir, 'out'));
    expect(again.folder).toBe(out.folder);
    expect((await fs.readdir(path.join(again.folder, 'square'))).length).toBe(1);
  });

  it('flags copy that breaks the brand rules on the variant', async () => {
    fixture = await openAdsFixture();
    const { ads } = fixture.engine;
    const campaign = await ads.createCampaign({
      name: 'Sale',
      productHash: fixture.productHash,
      productName: 'Steel bottle',
      notes: '',
      copy: { ...COPY, headline: 'Cheap and cheerful' },
      brand: {
        forbiddenWords: ['cheap'],
        requiredDisclaimer: '',
        allowedColours: ['#0b3d2e', '#f7f3e9'],
        guardrailId: '',
        guardrailVersion: '',
      },
      formats: ['square'],
      themes: ['studio'],
    });
    ads.generate(campaign.id, { generator: 'local', count: 1 });
    await ads.queue.settled();
    const [variant] = fixture.engine.store.ads.listVariants(campaign.id);
    expect(variant.guardrail).toEqual(['forbidden word "cheap" in "Cheap and cheerful"']);
  });
});
