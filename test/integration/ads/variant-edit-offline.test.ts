import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openAdsFixture, type AdsFixture } from './ads-fixture';
import {
  countSet,
  differing,
  pixelsOf,
  productOf,
  regionOf,
  renderedVariant,
  strokeIntoProduct,
} from './variant-edit-bed';

let fixture: AdsFixture;
afterEach(async () => {
  await fixture?.close();
});

describe('editing a variant offline (the local compositor)', () => {
  it('recolours a brushed region, never the product, and the new variant names its parent', async () => {
    fixture = await openAdsFixture();
    const { ads, store } = fixture.engine;
    const { campaign, parent } = await renderedVariant(fixture);
    const stroke = strokeIntoProduct(parent);
    const queued = await ads.edits.request(parent.id, {
      region: { strokes: [stroke] },
      prompt: 'plain warm grey',
      generator: 'local',
    });
    expect(queued).toMatchObject({
      state: expect.stringMatching(/^(queued|generating)$/),
      parentId: parent.id,
      index: 2,
      generator: 'local',
    });
    await ads.queue.settled();

    const child = store.ads.getVariant(queued.id)!;
    expect(child).toMatchObject({
      state: expect.stringMatching(/^(ready|needs-attention)$/),
      parentId: parent.id,
      costUsd: 0,
      review: 'pending',
      edit: { kind: 'recolour', prompt: 'plain warm grey', region: 'strokes', similarity: null },
    });
    expect(child.edit!.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(child.recipe).toMatch(/the brushed region painted #/);
    // The parent is untouched: undo is choosing it again.
    expect(store.ads.getVariant(parent.id)).toEqual(parent);

    const [before, after, region, product] = await Promise.all([
      pixelsOf(fixture, parent),
      pixelsOf(fixture, child),
      regionOf(fixture, child),
      productOf(fixture, campaign, parent),
    ]);
    // The stroke ran into the product, yet the region stops at it.
    expect(countSet(region)).toBeGreaterThan(2000);
    expect(region.some((v, i) => v && product[i])).toBe(false);
    expect(countSet(product)).toBeGreaterThan(10_000);
    expect(differing(before, after, product)).toBe(0);
    expect(differing(before, after, region, false)).toBe(0);
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(child.edit!.colour!.slice(at, at + 2), 16));
    expect(r).toBeGreaterThan(b); // warm
    for (let i = 0; i < region.length; i++)
      if (region[i]) expect([after[i * 3], after[i * 3 + 1], after[i * 3 + 2]]).toEqual([r, g, b]);

    // Reviewed and exported as a variant of its own, its lineage in the manifest.
    ads.review(child.id, 'approved', 'Mia');
    const exported = await ads.export(campaign.id);
    const manifest = JSON.parse(await fs.readFile(exported.manifest, 'utf8'));
    expect(manifest.variants).toMatchObject([
      {
        file: 'square/bottle-square-studio-2.png',
        editedFrom: 1,
        edit: { kind: 'recolour', colour: child.edit!.colour },
      },
    ]);
  });

  it('removes what was painted by filling the region from the backdrop around it', async () => {
    fixture = await openAdsFixture();
    const { ads, store } = fixture.engine;
    const { parent } = await renderedVariant(fixture);
    // A red blot in the corner, then taken away again from the blotted variant.
    const blot = { mode: 'add' as const, radius: 50, points: [[160, 980]] as [number, number][] };
    const blotted = await ads.edits.request(parent.id, {
      region: { strokes: [blot] },
      prompt: '#d21f1f',
      generator: 'local',
    });
    await ads.queue.settled();
    const wider = { ...blot, radius: 60 };
    const cleaned = await ads.edits.request(blotted.id, {
      region: { strokes: [wider] },
      prompt: 'remove',
      generator: 'local',
    });
    await ads.queue.settled();

    const child = store.ads.getVariant(cleaned.id)!;
    expect(child).toMatchObject({ parentId: blotted.id, index: 3, edit: { kind: 'fill', prompt: 'remove' } });
    const [original, red, filled, region] = await Promise.all([
      pixelsOf(fixture, parent),
      pixelsOf(fixture, store.ads.getVariant(blotted.id)!),
      pixelsOf(fixture, child),
      regionOf(fixture, child),
    ]);
    expect(differing(red, filled, region, false)).toBe(0);
    // Inside, the red is gone and what is there is close to the backdrop the blot covered.
    let redLeft = 0,
      distance = 0;
    for (let i = 0; i < region.length; i++) {
      if (!region[i]) continue;
      if (filled[i * 3] > 180 && filled[i * 3 + 1] < 80) redLeft++;
      distance += Math.abs(filled[i * 3] - original[i * 3]) + Math.abs(filled[i * 3 + 2] - original[i * 3 + 2]);
    }
    expect(redLeft).toBe(0);
    expect(distance / countSet(region) / 2).toBeLessThan(12);
  });

  it('paints the whole background a colour, keeping the product and the copy', async () => {
    fixture = await openAdsFixture();
    const { ads, store } = fixture.engine;
    const { campaign, parent } = await renderedVariant(fixture);
    const queued = await ads.edits.request(parent.id, { region: 'background', prompt: '#c8b8a0', generator: 'local' });
    await ads.queue.settled();
    const child = store.ads.getVariant(queued.id)!;
    expect(child.edit).toMatchObject({ kind: 'recolour', region: 'background', colour: '#c8b8a0' });
    const [before, after, region, product] = await Promise.all([
      pixelsOf(fixture, parent),
      pixelsOf(fixture, child),
      regionOf(fixture, child),
      productOf(fixture, campaign, parent),
    ]);
    expect(differing(before, after, product)).toBe(0);
    expect(differing(before, after, region, false)).toBe(0);
    expect([...after.subarray(0, 3)]).toEqual([0xc8, 0xb8, 0xa0]);
    // The copy's boxes are left out of "the background".
    expect(countSet(region)).toBeLessThan(region.length - countSet(product) - 10_000);
  });

  it('refuses what only the image model could do, and a removal with nothing around it', async () => {
    fixture = await openAdsFixture();
    const { ads, store } = fixture.engine;
    const { campaign, parent } = await renderedVariant(fixture);
    const strokes = { strokes: [strokeIntoProduct(parent)] };
    await expect(
      ads.edits.request(parent.id, { region: strokes, prompt: 'a sprig of lavender', generator: 'local' }),
    ).rejects.toThrow(/"a sprig of lavender" needs the image model/);
    await expect(
      ads.edits.request(parent.id, { region: strokes, prompt: 'x', generator: 'local', mode: 'variation' }),
    ).rejects.toThrow(/needs the image model/);
    await expect(
      ads.edits.request(parent.id, { region: 'all-but-product', prompt: 'remove', generator: 'local' }),
    ).rejects.toThrow(/something around it to fill from/);
    expect(store.ads.listVariants(campaign.id)).toHaveLength(1);
  });
});
